using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Kiosks;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// The tax-free export check from a departure kiosk (issue 12 point 2; decision 0021, "At the kiosk"): the records are
/// looked up by the passport the kiosk's session verified (document number and nationality from the chip-verified MRZ;
/// whatever else the kiosk knows is not asked), then <see cref="TaxFreeDepartureCheck.FinishAsync"/> gives the lane and,
/// on green, confirms the export of every confirmable record through the outbox; on red, the records wait on the kiosk's
/// airport's inspection list. A session of another kiosk, an ended one, one without a verified passport, or a kiosk without
/// an airport is refused with a problem, and the kiosk sends the traveller to the desk.
/// </summary>
public sealed class CheckTaxFreeAtKiosk(
    KioskBearerStore bearers,
    KioskStore kiosks,
    TaxFreeDepartureCheck check,
    DepartureSessionStore sessions,
    TimeProvider clock,
    ILogger<CheckTaxFreeAtKiosk> logger)
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

        if (await sessions.LoadAsync(request.SessionId, ct) is { } stored)
        {
            return new TaxFreeExportAnswer(request.SessionId, await AsDecidedAsync(stored, number, nationality, ct));
        }

        // The departure session (issue 12 point 5): the passport read and verified on the kiosk's session, the records
        // checked and the lane drawn, then the export confirmed or the inspection — stored with every transition once the
        // lane is known. A second call for the session (a kiosk retry) is answered from what was stored, never decided again.
        var session = DepartureSession.Open(request.SessionId, kioskId);
        session.AcceptDocument($"kiosk:{kioskId}", clock.GetUtcNow());
        session.VerifyDocument("service:document-verification", clock.GetUtcNow());
        var outcome = await check.FinishAsync(number, nationality, airport, ct);
        session.CheckRecords("service:taxfree-check", clock.GetUtcNow());
        if (outcome.Lane == TaxFreeLaneCode.Green)
        {
            session.ConfirmExport("service:taxfree-check", clock.GetUtcNow());
        }
        else
        {
            session.SendToInspection("service:lane-rules", clock.GetUtcNow(), []);
        }

        if (!await sessions.InsertAsync(session, airport, ct) && await sessions.LoadAsync(request.SessionId, ct) is { } first)
        {
            // Another call for the same session stored first: its lane is the session's.
            return new TaxFreeExportAnswer(request.SessionId, await AsDecidedAsync(first, number, nationality, ct));
        }

        // After a crash between the decisions and the session's insert, the retry finds the records confirmed already:
        // the traveller is told they are, not that nothing could be confirmed.
        var confirmedBefore = outcome.Lane == TaxFreeLaneCode.Green && outcome.Records.Any(r => r.Status == TaxFreeRecordCheckStatus.Confirmed);
        return new TaxFreeExportAnswer(request.SessionId, outcome with { ExportConfirmed = outcome.ExportConfirmed || confirmedBefore });
    }

    /// <summary>A decided session's answer: its stored lane, the records as they stand now (confirmed ones as confirmed).</summary>
    private async Task<TaxFreeDepartureOutcome> AsDecidedAsync(DepartureSession session, string number, string nationality, CancellationToken ct)
    {
        var now = await check.CheckAsync(number, nationality, ct);
        return now with
        {
            Lane = session.State == DepartureState.ExportConfirmed ? TaxFreeLaneCode.Green : TaxFreeLaneCode.Red,
            ExportConfirmed = session.State == DepartureState.ExportConfirmed,
        };
    }
}
