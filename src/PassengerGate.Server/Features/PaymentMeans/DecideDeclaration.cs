using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// Departure staff's outcome for a declaration (issue 11 point 3): verified; a false or missing declaration —
/// a case with the bearer's account of origin and intended use, and cash restrained with a retention receipt
/// (FATF R.32 INR para. 5: the power to stop or restrain where there is a false declaration); a referral to the
/// police or the FIU. Audited with the change; a decided declaration is not decided again.
/// </summary>
public sealed class DecideDeclaration(CurrencyDeclarationStore store, DeclarationAccess access, AuditTrail audit, TimeProvider clock)
{
    public const int MaxText = 500;

    public async Task<DepartureDeclarationView> HandleAsync(DecideDeclarationRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await access.LoadAsync(request.Id, user, ct);
        var number = DepartureViews.Number(row.Id);
        if (!Enum.IsDefined(request.Outcome))
        {
            throw new HubException("Choose an outcome.");
        }

        if (new[] { request.Origin, request.IntendedUse, request.Note }.Any(t => t is { Length: > MaxText }))
        {
            throw new HubException($"Texts of at most {MaxText} characters.");
        }

        var isCase = request.Outcome is DepartureOutcome.FalseDeclaration or DepartureOutcome.MissingDeclaration;
        if (isCase && (string.IsNullOrWhiteSpace(request.Origin) || string.IsNullOrWhiteSpace(request.IntendedUse)))
        {
            throw new HubException("A false or missing declaration records the origin of the money and its intended use.");
        }

        if (request.RestrainedAmount is { } restrained && (!isCase || restrained <= 0))
        {
            throw new HubException("Cash is restrained only on a false or missing declaration, and then a positive amount.");
        }

        if (request.Outcome == DepartureOutcome.Verified && row.Counted is not null && DepartureViews.CountedOf(row) is { } counted
            && !CountComparison.Compare(row.ReadAssessment(), counted).Matches)
        {
            throw new HubException($"The count of {number} differs from the declaration: it cannot be verified.");
        }

        var status = request.Outcome switch
        {
            DepartureOutcome.Verified => DeclarationStatus.Verified,
            DepartureOutcome.FalseDeclaration => DeclarationStatus.FalseDeclaration,
            DepartureOutcome.MissingDeclaration => DeclarationStatus.MissingDeclaration,
            DepartureOutcome.ReferredPolice => DeclarationStatus.ReferredPolice,
            _ => DeclarationStatus.ReferredFiu,
        };
        var now = clock.GetUtcNow();
        var record = audit.Record(user, CurrencyAuditActions.Decided, "currency:" + number, new
        {
            outcome = CurrencyDeclarationJson.EnumName(status),
            restrainedAmount = request.RestrainedAmount,
        });
        var outcome = new CurrencyDeclarationStore.Outcome(status, Trim(request.Origin), Trim(request.IntendedUse), request.RestrainedAmount, Trim(request.Note), record.Actor, now);
        if (!await store.DecideAsync(row.Id, outcome, CurrencyRetention.ReasonToKeep(row.OverThreshold, status, flaggedByStructuringScreen: false), record, ct))
        {
            throw new HubException($"Declaration {number} is already decided.");
        }

        return await access.ChangedAsync(row.Id, ct);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
