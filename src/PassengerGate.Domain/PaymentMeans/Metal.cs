namespace PassengerGate.Domain.PaymentMeans;

public enum Metal
{
    Gold,
    Silver,
    Platinum,
    Palladium,
}
