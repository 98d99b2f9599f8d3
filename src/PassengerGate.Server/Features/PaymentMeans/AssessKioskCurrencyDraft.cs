using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// The review of a currency declaration at the kiosk (decision 0022, "Kiosk screens"): the draft is read as
/// <see cref="SubmitKioskCurrencyDeclaration"/> will read it (the session's verified bearer, the airport's day, the border's
/// rule pack) and assessed with the customs weekly rates, so the page shows the service's "required or not" and total and
/// computes neither. Nothing is stored and nothing audited: it is the traveller's own arithmetic, done by the rules.
/// </summary>
public sealed class AssessKioskCurrencyDraft(
    KioskBearerStore bearers,
    RateStore rates,
    AirportClock airport,
    IOptions<CurrencyOptions> options)
{
    public async Task<CurrencyDraftAssessment> HandleAsync(string kioskId, AssessCurrencyDraft request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bearer = await bearers.LoadAsync(request.SessionId, ct);
        if (bearer is null || !string.Equals(bearer.KioskId, kioskId, StringComparison.Ordinal))
        {
            return Refused(CurrencyDeclarationProblem.UnknownSession);
        }

        if (!bearer.DocumentVerified || bearer.DocumentNumber is null || bearer.HolderName is null)
        {
            return Refused(CurrencyDeclarationProblem.NoVerifiedDocument);
        }

        if (request.DeclarationJson is null || request.DeclarationJson.Length > SubmitDeskDeclaration.MaxJsonLength)
        {
            return Refused(CurrencyDeclarationProblem.Invalid, [new DeclarationFieldError("$", DeclarationFieldProblem.Invalid, "too long")]);
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(request.DeclarationJson) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException ex)
        {
            return Refused(CurrencyDeclarationProblem.Invalid, [new DeclarationFieldError("$", DeclarationFieldProblem.Invalid, ex.Message)]);
        }

        var today = airport.Today;
        root["bearer"] = SubmitKioskCurrencyDeclaration.VerifiedBearer(bearer, root["bearer"]);
        root["declarationDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        root["jurisdiction"] = options.Value.KioskJurisdiction.ToString();
        var read = CurrencyDeclarationJson.Read(root.ToJsonString());
        if (!read.IsValid)
        {
            return Refused(CurrencyDeclarationProblem.Invalid, [.. read.Errors.Select(e => new DeclarationFieldError(e.Path, DeclarationFieldProblem.Invalid, e.Message))]);
        }

        var declaration = read.Declaration!;
        var table = await rates.LoadRateTableAsync(today, ct);
        var assessed = CurrencyAssessor.Assess(declaration, declaration.Jurisdiction, CurrencyRuleBook.Default, table, today);
        if (!assessed.Succeeded)
        {
            var missing = assessed.Errors.Any(e => e.Code == "rate.missing");
            return Refused(
                missing ? CurrencyDeclarationProblem.NoRate : CurrencyDeclarationProblem.Invalid,
                [.. assessed.Errors.Select(e => new DeclarationFieldError(e.Path, missing ? DeclarationFieldProblem.CurrencyWithoutRate : DeclarationFieldProblem.Invalid, e.Message))]);
        }

        var assessment = assessed.Assessment!;
        return new CurrencyDraftAssessment(assessment.DeclarationRequired, assessment.Total, assessment.ReportingCurrency.Value);
    }

    private static CurrencyDraftAssessment Refused(CurrencyDeclarationProblem problem, IReadOnlyList<DeclarationFieldError>? errors = null) =>
        new(false, null, null, problem, errors ?? []);
}
