namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Compares departure staff's count with the stored assessment. The counted amount is converted with the same
/// weekly rate the declaration was assessed with (recorded on it), never a newer one, so the difference staff see
/// is the difference in money and not a rate change.
/// </summary>
public static class CountComparison
{
    public static CountResult Compare(CurrencyAssessment assessment, IReadOnlyList<CountedInstrument> counted)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(counted);
        var unknown = counted.Where(c => assessment.Instruments.All(i => i.Path != c.Path || i.Counted is null)).Select(c => c.Path).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"no counted instrument at {string.Join(", ", unknown)}", nameof(counted));
        }

        var lines = new List<CountLine>();
        foreach (var instrument in assessment.Instruments.Where(i => i.Counted is not null))
        {
            var declared = instrument.Counted!.Value;
            var count = counted.LastOrDefault(c => c.Path == instrument.Path)?.Amount ?? declared.Amount;
            decimal? reporting = instrument.ReportingValue is { } value
                ? declared.Amount == 0m ? (count == 0m ? 0m : null) : decimal.Round(value * count / declared.Amount, 2, MidpointRounding.ToZero)
                : null;
            lines.Add(new CountLine(instrument.Path, instrument.Kind, declared.Currency.Value, declared.Amount, count, count - declared.Amount, reporting));
        }

        var countedTotal = lines.Sum(l => l.CountedReportingValue ?? 0m);
        return new CountResult(lines, assessment.Total, countedTotal, countedTotal - assessment.Total);
    }
}
