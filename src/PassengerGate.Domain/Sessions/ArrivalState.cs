namespace PassengerGate.Domain.Sessions;

/// <summary>Where an arrival session stands. Stored by name, so never rename a member.</summary>
public enum ArrivalState
{
    Opened,
    DocumentRead,
    Released,
    Referred,
    Closed,
    Abandoned,
}
