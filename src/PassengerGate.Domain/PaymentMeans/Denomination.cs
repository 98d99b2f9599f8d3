namespace PassengerGate.Domain.PaymentMeans;

/// <summary><see cref="Count"/> notes or coins of face value <see cref="Value"/> (major units).</summary>
public sealed record Denomination(decimal Value, int Count)
{
    public decimal Total => Value * Count;
}
