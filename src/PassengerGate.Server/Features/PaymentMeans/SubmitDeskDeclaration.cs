using System.Security.Claims;
using PassengerGate.Contracts.Departure;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// A declaration departure staff enter at the desk for a traveller (issue 11 point 1: "by staff at a desk"), in the
/// documented JSON form (docs/currency-declaration-schema.md v1): validated, assessed and stored under the staff
/// member's name, audited.
/// </summary>
public sealed class SubmitDeskDeclaration(RecordCurrencyDeclaration record)
{
    public const int MaxJsonLength = 64 * 1024;

    public async Task<DeclarationReceipt> HandleAsync(DeskDeclarationRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (request.DeclarationJson is null || request.DeclarationJson.Length > MaxJsonLength)
        {
            return new DeclarationReceipt(null, null, false, [$"$: a declaration of at most {MaxJsonLength} characters"]);
        }

        var read = CurrencyDeclarationJson.Read(request.DeclarationJson);
        if (!read.IsValid)
        {
            return new DeclarationReceipt(null, null, false, [.. read.Errors.Select(e => $"{e.Path}: {e.Message}")]);
        }

        var result = await record.HandleAsync(read.Declaration!, user.Airport(), "desk", user.UserName(), AuditActorKinds.Staff, ct);
        return result.Id is { } id
            ? new DeclarationReceipt(id, DepartureViews.Number(id), result.Assessment!.DeclarationRequired, [])
            : new DeclarationReceipt(null, null, false, result.Errors);
    }
}
