namespace PassengerGate.Domain.Arrival;

public enum DeclarantRole
{
    /// <summary>The traveller declares for themself.</summary>
    Self,

    /// <summary>A guardian declares for a child travelling with them.</summary>
    Guardian,
}
