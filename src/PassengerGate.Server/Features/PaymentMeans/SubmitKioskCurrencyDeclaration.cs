using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// A currency declaration made at a kiosk (issue 11 point 1; decision 0022, "At the kiosk"), bound to the passport the
/// kiosk session verified. FATF R.32 INR asks for the bearer's identity: it is taken from the verified passport (name and
/// document number as the MRZ gives them, nationality and date of birth from the same read), and whatever the kiosk
/// wrote as bearer is replaced, so a kiosk cannot declare for someone else. The date is the airport's day and the rule pack
/// the border's (<see cref="CurrencyOptions.KioskJurisdiction"/>). Stored and pushed to the departure consoles exactly as
/// a desk declaration (<see cref="RecordCurrencyDeclaration"/>); the command id makes a retry answer the same declaration.
/// The kiosk's answer is traveller-safe: number, whether required, total, and where to go next.
/// </summary>
public sealed class SubmitKioskCurrencyDeclaration(
    RecordCurrencyDeclaration record,
    CurrencyDeclarationStore store,
    KioskBearerStore bearers,
    KioskStore kiosks,
    AirportClock airport,
    IOptions<CurrencyOptions> options,
    UseCurrencyPreDeclaration preDeclarations,
    ILogger<SubmitKioskCurrencyDeclaration> logger)
{
    public async Task<CurrencyDeclarationAnswer> HandleAsync(string kioskId, SubmitCurrencyDeclaration request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CommandId == Guid.Empty)
        {
            throw new HubException("A command id is required.");
        }

        if (await AnswerEarlierAsync(kioskId, request, ct) is { } earlier)
        {
            return earlier;
        }

        var bearer = await bearers.LoadAsync(request.SessionId, ct);
        if (bearer is null)
        {
            return Refused(request, CurrencyDeclarationProblem.UnknownSession, "Unknown session; open it first.");
        }

        if (!string.Equals(bearer.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} tried a currency declaration on session {SessionId} of kiosk {Owner}", kioskId, request.SessionId, bearer.KioskId);
            return Refused(request, CurrencyDeclarationProblem.OtherKiosk, "This session belongs to another kiosk.");
        }

        if (bearer.State == "Abandoned")
        {
            return Refused(request, CurrencyDeclarationProblem.SessionEnded, "This session has ended; start again.");
        }

        if (!bearer.DocumentVerified || bearer.DocumentNumber is null || bearer.HolderName is null)
        {
            return Refused(request, CurrencyDeclarationProblem.NoVerifiedDocument, "Read your passport and its chip first: the declaration is made in the name of a verified passport.");
        }

        if (await kiosks.FindAirportAsync(kioskId, ct) is not { Length: > 0 } at)
        {
            logger.LogError("Kiosk {KioskId} has no airport: its currency declarations would reach no departure desk", kioskId);
            return Refused(request, CurrencyDeclarationProblem.KioskWithoutAirport, "This kiosk cannot take currency declarations; please go to the customs desk.");
        }

        if (request.DeclarationJson is null || request.DeclarationJson.Length > SubmitDeskDeclaration.MaxJsonLength)
        {
            return Invalid(request, [new DeclarationFieldError("$", DeclarationFieldProblem.Invalid, $"a declaration of at most {SubmitDeskDeclaration.MaxJsonLength} characters")]);
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(request.DeclarationJson) as JsonObject
                ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException ex)
        {
            return Invalid(request, [new DeclarationFieldError("$", DeclarationFieldProblem.Invalid, ex.Message)]);
        }

        root["bearer"] = VerifiedBearer(bearer, root["bearer"]);
        root["declarationDate"] = airport.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        root["jurisdiction"] = options.Value.KioskJurisdiction.ToString();
        var read = CurrencyDeclarationJson.Read(root.ToJsonString());
        if (!read.IsValid)
        {
            return Invalid(request, [.. read.Errors.Select(e => new DeclarationFieldError(e.Path, DeclarationFieldProblem.Invalid, e.Message))]);
        }

        RecordCurrencyDeclaration.Result result;
        try
        {
            result = await record.HandleAsync(read.Declaration!, at, "kiosk", kioskId, AuditActorKinds.Kiosk, ct,
                new CurrencyDeclarationStore.KioskOrigin(kioskId, request.SessionId, request.CommandId));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same command arrived twice at once (a retry after a reconnect): the first one stored it.
            return await AnswerEarlierAsync(kioskId, request, ct) ?? throw new HubException("The declaration could not be stored; try again.");
        }

        if (result.Id is not { } id)
        {
            return result.MissingRate
                ? Refused(request, CurrencyDeclarationProblem.NoRate, "A currency has no customs rate this week; please declare at the customs desk.") with
                {
                    FieldErrors = [.. result.Errors.Select(e => new DeclarationFieldError(PathOf(e), DeclarationFieldProblem.CurrencyWithoutRate, e))],
                }
                : Invalid(request, [.. result.Errors.Select(e => new DeclarationFieldError(PathOf(e), DeclarationFieldProblem.Invalid, e))]);
        }

        logger.LogInformation("Kiosk {KioskId} session {SessionId}: currency declaration {Number} stored", kioskId, request.SessionId, DepartureViews.Number(id));
        if (request.PreDeclarationQr is { Length: > 0 and <= UseCurrencyPreDeclaration.MaxQrTextLength } qr)
        {
            await preDeclarations.MarkUsedAsync(qr, ct);
        }

        return Answer(request.SessionId, id, read.Declaration!.Direction, result.Assessment!);
    }

    private async Task<CurrencyDeclarationAnswer?> AnswerEarlierAsync(string kioskId, SubmitCurrencyDeclaration request, CancellationToken ct)
    {
        if (await store.FindByCommandAsync(request.CommandId, ct) is not { } earlier)
        {
            return null;
        }

        // A stored answer is for the kiosk and session that sent the command, and no one else (as decision 0008's runner).
        if (earlier.Origin.SessionId != request.SessionId || !string.Equals(earlier.Origin.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} reused command id {CommandId} on session {SessionId}", kioskId, request.CommandId, request.SessionId);
            return Refused(request, CurrencyDeclarationProblem.CommandReused, "This command id was already used; send a new one.");
        }

        var row = await store.LoadAsync(earlier.Id, ct);
        if (row is null)
        {
            return null;
        }

        var direction = row.Direction == "arrival" ? CarryDirection.Arrival : CarryDirection.Departure;
        return Answer(request.SessionId, row.Id, direction, row.ReadAssessment());
    }

    private static CurrencyDeclarationAnswer Answer(Guid sessionId, long id, CarryDirection direction, CurrencyAssessment assessment) => new(
        sessionId,
        DepartureViews.Number(id),
        assessment.DeclarationRequired,
        assessment.Total,
        assessment.ReportingCurrency.Value,
        !assessment.DeclarationRequired ? CurrencyNextStep.Continue
            : direction == CarryDirection.Arrival ? CurrencyNextStep.Officer
            : CurrencyNextStep.DepartureDesk);

    /// <summary>The bearer as the session's passport gives it; only an address the traveller typed is kept from the kiosk's.</summary>
    internal static JsonObject VerifiedBearer(KioskBearerStore.SessionBearer bearer, JsonNode? typed)
    {
        var verified = new JsonObject
        {
            ["name"] = bearer.HolderName,
            ["documentNumber"] = bearer.DocumentNumber,
        };
        if (bearer.Nationality is { Length: > 0 } nationality)
        {
            verified["nationality"] = nationality;
        }

        if (bearer.DateOfBirth is { Length: > 0 } birth)
        {
            verified["dateOfBirth"] = birth;
        }

        if (typed is JsonObject o && o["address"] is JsonValue address && address.TryGetValue<string>(out var text))
        {
            verified["address"] = text;
        }

        return verified;
    }

    private static string PathOf(string error) => error.Split(':', 2)[0];

    private static CurrencyDeclarationAnswer Refused(SubmitCurrencyDeclaration request, CurrencyDeclarationProblem problem, string text) =>
        new(request.SessionId, null, false, null, null, null, problem, text);

    private static CurrencyDeclarationAnswer Invalid(SubmitCurrencyDeclaration request, IReadOnlyList<DeclarationFieldError> errors) =>
        Refused(request, CurrencyDeclarationProblem.Invalid, "The declaration cannot be accepted: " + string.Join("; ", errors.Take(5).Select(e => $"{e.Path}: {e.Text}")) + ".") with { FieldErrors = errors };
}
