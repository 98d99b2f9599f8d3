using PassengerGate.Domain.Arrival;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// A lower threshold for one destination in one direction, e.g. Japan's over ¥100,000 for export to North
/// Korea (PRK) since 19 Feb 2016 (Japan Customs Answer 7305).
/// </summary>
public sealed record DestinationRule : DatedRule
{
    public required string DestinationCountry { get; init; }

    public required CarryDirection Direction { get; init; }

    public required Threshold Threshold { get; init; }
}
