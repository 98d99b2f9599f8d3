using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.PaymentMeans;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// The tax-free export check from a departure kiosk (issue 12 point 2; decision 0021, "At the kiosk"): the records are
/// looked up by the passport the kiosk's session verified (document number and nationality from the chip-verified MRZ;
/// whatever else the kiosk knows is not asked), then <see cref="TaxFreeDepartureCheck.FinishAsync"/> gives the lane and,
/// on green, confirms the export of every confirmable record through the outbox; on red, the records wait on the kiosk's
/// airport's inspection list. A session of another kiosk, an ended one, one without a verified passport, or a kiosk without
/// an airport is refused with a problem, and the kiosk sends the traveller to the desk.
/// </summary>
public sealed class CheckTaxFreeAtKiosk(KioskBearerStore bearers, KioskStore kiosks, TaxFreeDepartureCheck check, ILogger<CheckTaxFreeAtKiosk> logger)
{
    public async Task<TaxFreeExportAnswer> HandleAsync(string kioskId, CheckTaxFreeExport request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bearer = await bearers.LoadAsync(request.SessionId, ct);
        if (bearer is null)
        {
            return new TaxFreeExportAnswer(request.SessionId, null, TaxFreeExportProblem.UnknownSession);
        }

        if (!string.Equals(bearer.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} asked for the tax-free check of session {SessionId} of kiosk {Owner}", kioskId, request.SessionId, bearer.KioskId);
            return new TaxFreeExportAnswer(request.SessionId, null, TaxFreeExportProblem.OtherKiosk);
        }

        if (bearer.State == "Abandoned")
        {
            return new TaxFreeExportAnswer(request.SessionId, null, TaxFreeExportProblem.SessionEnded);
        }

        if (!bearer.DocumentVerified || bearer.DocumentNumber is not { Length: > 0 } number || bearer.Nationality is not { Length: 3 } nationality)
        {
            return new TaxFreeExportAnswer(request.SessionId, null, TaxFreeExportProblem.NoVerifiedDocument);
        }

        // A red check puts the records on the inspection list of the kiosk's airport: without one, no desk would see them.
        if (await kiosks.FindAirportAsync(kioskId, ct) is not { Length: > 0 } airport)
        {
            logger.LogError("Kiosk {KioskId} has no airport: its tax-free checks would reach no inspection desk", kioskId);
            return new TaxFreeExportAnswer(request.SessionId, null, TaxFreeExportProblem.KioskWithoutAirport);
        }

        return new TaxFreeExportAnswer(request.SessionId, await check.FinishAsync(number, nationality, airport, ct));
    }
}
