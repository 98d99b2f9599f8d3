namespace PassengerGate.Data.Rates;

/// <summary>An import would leave two rates for one currency in force on the same day; nothing was imported.</summary>
public sealed class RateOverlapException(IReadOnlyList<string> overlaps)
    : Exception("the imported rates overlap stored ones: " + string.Join("; ", overlaps))
{
    public IReadOnlyList<string> Overlaps { get; } = overlaps;
}
