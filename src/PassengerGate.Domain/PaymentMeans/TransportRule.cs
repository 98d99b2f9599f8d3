namespace PassengerGate.Domain.PaymentMeans;

/// <summary>The duty for one way of moving means of payment, with its source.</summary>
public sealed record TransportRule
{
    public required CashTransport Transport { get; init; }

    public required TransportDuty Duty { get; init; }

    public required string Source { get; init; }

    public bool Confirmed { get; init; }
}
