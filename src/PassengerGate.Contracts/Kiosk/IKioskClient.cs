namespace PassengerGate.Contracts.Kiosk;

/// <summary>What the service pushes to a kiosk.</summary>
public interface IKioskClient
{
    Task SessionUpdated(SessionUpdate update);
}
