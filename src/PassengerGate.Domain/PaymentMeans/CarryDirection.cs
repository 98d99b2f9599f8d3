namespace PassengerGate.Domain.PaymentMeans;

/// <summary>Whether the means of payment leave or enter the jurisdiction (FATF R.32 covers both).</summary>
public enum CarryDirection
{
    Departure,
    Arrival,
}
