using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.PaymentMeans;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>
/// POST /api/predeclarations/currency (issue 11 point 1; decision 0026): a declaration of cash and other means of payment
/// made on the phone page, in the JSON of docs/currency-declaration-schema.md, signed into a QR of kind
/// <see cref="PreDeclarationKind.Currency"/> with the same keys, envelope and lifetime as an arrival pre-declaration. The
/// kiosk's currency step opens it offline and shows it in its form to check and submit; there the service replaces the
/// bearer with the verified passport and the date with the airport's day, as for any kiosk declaration. The jurisdiction
/// is this border's (<see cref="CurrencyOptions.KioskJurisdiction"/>) whatever the page sent. When the customs weekly rates
/// of the day are known, the answer says already whether the declaration is required; when they are not, it says nothing
/// rather than guess. Refusals are RFC 9457 problem details listing every field, as for arrival.
/// </summary>
public sealed class IssueCurrencyPreDeclaration(
    PreDeclarationStore store,
    SigningKeyRing keys,
    RateStore rates,
    AirportClock airport,
    IOptions<PreDeclarationOptions> options,
    IOptions<CurrencyOptions> currency)
{
    public const string Route = "/api/predeclarations/currency";

    /// <summary>The answer: the QR, its expiry and, when the day's rates are known, the service's assessment.</summary>
    public sealed record Issued(Guid Id, string QrText, DateTimeOffset ExpiresAt, string QrImageUrl, bool? DeclarationRequired, decimal? Total, string? ReportingCurrency);

    public async Task<IResult> HandleAsync(string body, CancellationToken ct)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }) as JsonObject
                ?? throw new JsonException("expected a JSON object");
        }
        catch (JsonException ex)
        {
            return Refuse([new IssuePreDeclaration.FieldError("$", $"not valid JSON: {ex.Message}", Contracts.Kiosk.DeclarationFieldProblem.Invalid)]);
        }

        root["jurisdiction"] = currency.Value.KioskJurisdiction.ToString();
        var read = CurrencyDeclarationJson.Read(root.ToJsonString());
        if (!read.IsValid)
        {
            return Refuse(read.Errors.Select(e => new IssuePreDeclaration.FieldError(e.Path, e.Message, Contracts.Kiosk.DeclarationFieldProblem.Invalid)));
        }

        var declaration = read.Declaration!;
        var now = airport.Now;
        var today = airport.DateOf(now);
        var last = today.AddDays(options.Value.MaxDaysAhead);
        if (declaration.DeclarationDate < today || declaration.DeclarationDate > last)
        {
            return Refuse([new IssuePreDeclaration.FieldError(
                "$.declarationDate",
                $"the day you cross the border, from {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                Contracts.Kiosk.DeclarationFieldProblem.Invalid)]);
        }

        var table = await rates.LoadRateTableAsync(declaration.DeclarationDate, ct);
        var assessed = CurrencyAssessor.Assess(declaration, declaration.Jurisdiction, CurrencyRuleBook.Default, table, declaration.DeclarationDate);
        var assessment = assessed.Succeeded ? assessed.Assessment : null;

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = IssuePreDeclaration.ExpiryFor(declaration.DeclarationDate, airport);
        var id = Guid.NewGuid();
        var json = CurrencyDeclarationJson.Write(declaration);
        var compact = JsonNode.Parse(json)!.ToJsonString();
        var key = await keys.CurrentAsync(ct);
        using var signer = ECDsa.Create();
        signer.ImportPkcs8PrivateKey(key.PrivateKeyPkcs8, out _);
        var qrText = PreDeclarationQrCodec.Encode(new PreDeclarationClaims(options.Value.Issuer, issuedAt, expiresAt, id, compact, PreDeclarationKind.Currency), key.Kid, signer);
        await store.InsertAsync(new PreDeclarationStore.NewPreDeclaration(id, null, compact, qrText, key.Kid, issuedAt, expiresAt) { Kind = "currency" }, ct);
        return Results.Created($"{IssuePreDeclaration.Route}/{id}", new Issued(
            id, qrText, expiresAt, PreDeclarationQrImage.PathFor(id), assessment?.DeclarationRequired, assessment?.Total, assessment?.ReportingCurrency.Value));
    }

    private static IResult Refuse(IEnumerable<IssuePreDeclaration.FieldError> errors) =>
        Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = IssuePreDeclaration.RefusedType,
            Title = "The declaration cannot be accepted.",
            Status = StatusCodes.Status400BadRequest,
            Detail = "Correct the fields listed in errors and send it again.",
            Extensions = { ["errors"] = errors.ToList() },
        });
}
