using Npgsql;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Domain.Time;

namespace PassengerGate.Data.TaxFree;

/// <summary>
/// Loads a traveller's records and runs the departure check (<see cref="TaxFreeDeparture"/>) at an instant, for the
/// service and for `pgate taxfree check`, so both give the same answer. Records already confirmed or refused are
/// final and are reported as they stand; the random draw uses the selection seed in force (decision 0003) on the
/// subject <see cref="TaxFreeDeparture.DrawSubject"/>. No seed in force ⇒ draw 0, i.e. selected: fail safe.
/// </summary>
public sealed class TaxFreeDepartureQuery(NpgsqlDataSource dataSource)
{
    public sealed record Result(
        IReadOnlyList<TaxFreeStore.RecordRow> Final,
        TaxFreeDepartureResult Check,
        SelectionDraw? Draw,
        int EarlierIrregularities);

    public async Task<Result> RunAsync(string passportNumber, string nationality, DateTimeOffset at, TimeZoneInfo japan, TaxFreeLaneRules rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var passport = DocumentNumber.Normalise(passportNumber);
        var rows = await new TaxFreeStore(dataSource).ForTravellerAsync(passport, nationality, ct);
        var final = rows.Where(r => r.State is "confirmed" or "refused").ToList();
        var pending = rows.Where(r => r.State is "open" or "ineligible").Select(r => r.ToDomain()).ToList();
        // Earlier irregularities (docs/taxfree-rules.md §5): records refused for a missing item, and consumption-tax
        // assessments for goods not carried out (the exemption regime's record is confirmed for the goods shown).
        var irregularities = final.Count(r => r.State == "refused" && r.Reasons.Contains(EligibilityAnswer.Name(TaxFreeReason.ItemMissing)))
            + await new TaxFreeInspectionStore(dataSource).CountAssessmentsAsync(passport, nationality, ct);
        var day = AirportDay.Of(at, japan);
        var seed = await new RiskDataStore(dataSource).CurrentSeedAsync(day, ct);
        var draw = seed is null ? null : new RandomSelection(rules.RandomRate).Draw(seed, TaxFreeDeparture.DrawSubject(passport, nationality, day));
        var check = TaxFreeDeparture.Check(pending, at, japan, rules, draw?.Value ?? 0, irregularities);
        return new Result(final, check, draw, irregularities);
    }
}
