using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// The departure check of a verified traveller (issue 12 point 2/5): the records with their status at this instant,
/// days counted in Japan time through <see cref="AirportClock"/> (the 90-day window), and the lane by the rules as data
/// (<see cref="TaxFreeLaneRules"/>, configuration <c>TaxFree:LaneRules</c>) with the per-passport-per-day random draw.
/// <see cref="FinishAsync"/> ends it: on green every confirmable record is confirmed and its shop told through the
/// outbox (<see cref="DecideTaxFreeRecords"/>); on red nothing is decided and the confirmable records go to the
/// airport's red-lane inspection (<see cref="CloseInspection"/>).
/// Fail safe: if the confirmation cannot be written as a whole (a record was decided meanwhile), the traveller is red.
/// This is the use case the kiosk departure session is to call once the passport is verified.
/// </summary>
public sealed class TaxFreeDepartureCheck(
    TaxFreeDepartureQuery query,
    DecideTaxFreeRecords decide,
    AirportClock airport,
    TaxFreeLaneRules rules,
    TaxFreeInspectionStore inspections,
    InspectionAccess access)
{
    public async Task<TaxFreeDepartureOutcome> CheckAsync(string passportNumber, string nationality, CancellationToken ct) =>
        Outcome(await query.RunAsync(passportNumber, nationality, airport.Now, airport.Zone, rules, ct), exportConfirmed: false);

    /// <summary>
    /// Ends the check at <paramref name="airportCode"/> (the kiosk's airport): on red every confirmable record goes to
    /// that airport's red-lane inspection worklist, pushed to its departure consoles (issue 12 point 3).
    /// </summary>
    public async Task<TaxFreeDepartureOutcome> FinishAsync(string passportNumber, string nationality, string airportCode, CancellationToken ct)
    {
        var result = await query.RunAsync(passportNumber, nationality, airport.Now, airport.Zone, rules, ct);
        if (result.Check.Lane.Lane != TaxFreeLane.Green)
        {
            await SendToInspectionAsync(result, airportCode, ct);
            return Outcome(result, exportConfirmed: false);
        }

        var verdicts = result.Check.Records.Where(c => c.Status == RecordStatus.Confirmable)
            .Select(c => new DecideTaxFreeRecords.Verdict(c.Record.ShopId, c.Record.RecordId, TaxFreeRecordState.Confirmed, []))
            .ToList();
        if (verdicts.Count > 0 && !await decide.DecideAsync(verdicts, ct))
        {
            await SendToInspectionAsync(result, airportCode, ct);
            return Outcome(result, exportConfirmed: false) with { Lane = TaxFreeLaneCode.Red };
        }

        return Outcome(result, exportConfirmed: verdicts.Count > 0);
    }

    private async Task SendToInspectionAsync(TaxFreeDepartureQuery.Result result, string airportCode, CancellationToken ct)
    {
        var open = result.Check.Records.Where(c => c.Status == RecordStatus.Confirmable).Select(c => (c.Record.ShopId, c.Record.RecordId)).ToList();
        if (open.Count == 0)
        {
            return;
        }

        await inspections.SendAsync(airportCode, open, airport.Now, ct);
        foreach (var (shopId, recordId) in open)
        {
            await access.ChangedAsync(shopId, recordId, ct);
        }
    }

    private TaxFreeDepartureOutcome Outcome(TaxFreeDepartureQuery.Result result, bool exportConfirmed)
    {
        var open = result.Check.Records.Select(c => new TaxFreeCheckedRecord(
            c.Record.ShopId,
            c.Record.RecordId,
            c.Status switch
            {
                RecordStatus.Confirmable => TaxFreeRecordCheckStatus.Confirmable,
                RecordStatus.Expired => TaxFreeRecordCheckStatus.Expired,
                RecordStatus.Confirmed => TaxFreeRecordCheckStatus.Confirmed,
                RecordStatus.Refused => TaxFreeRecordCheckStatus.Refused,
                _ => TaxFreeRecordCheckStatus.Excluded,
            },
            c.Reasons.Select(TaxFreeAnswers.ToContract).ToList(),
            c.PurchaseDay,
            c.LastConfirmableDay,
            c.Record.Total));
        var final = result.Final.Select(f =>
        {
            var record = f.ToDomain();
            var day = TaxFreeRules.PurchaseDay(record.PurchasedAt, airport.Zone);
            return new TaxFreeCheckedRecord(
                f.ShopId,
                f.RecordId,
                f.State == "confirmed" ? TaxFreeRecordCheckStatus.Confirmed : TaxFreeRecordCheckStatus.Refused,
                f.Reasons.Select(r => Enum.Parse<TaxFreeReasonCode>(r, ignoreCase: true)).ToList(),
                day,
                TaxFreeRules.RegimeOf(record.PurchasedAt, airport.Zone) == TaxFreeRegime.Refund ? TaxFreeRules.LastConfirmableDay(day) : null,
                record.Total);
        });
        var lane = result.Check.Lane.Lane == TaxFreeLane.Green ? TaxFreeLaneCode.Green : TaxFreeLaneCode.Red;
        return new TaxFreeDepartureOutcome(lane, [.. open, .. final], exportConfirmed);
    }
}
