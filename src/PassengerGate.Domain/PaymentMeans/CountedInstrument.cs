namespace PassengerGate.Domain.PaymentMeans;

/// <summary>What departure staff counted for one declared instrument (<see cref="Path"/> as in the assessment).</summary>
public sealed record CountedInstrument(string Path, decimal Amount);

/// <summary>
/// One line of the count against the declaration: declared and counted in the instrument's own currency, the
/// difference, and the counted amount in the reporting currency at the weekly rate recorded on the declaration.
/// </summary>
public sealed record CountLine(string Path, InstrumentKind Kind, string Currency, decimal Declared, decimal Counted, decimal Difference, decimal? CountedReportingValue);

public sealed record CountResult(IReadOnlyList<CountLine> Lines, decimal DeclaredTotal, decimal CountedTotal, decimal Difference)
{
    /// <summary>True when every counted line matches what was declared.</summary>
    public bool Matches => Lines.All(l => l.Difference == 0);
}
