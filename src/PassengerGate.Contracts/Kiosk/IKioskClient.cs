namespace PassengerGate.Contracts.Kiosk;

/// <summary>What the service pushes to a kiosk.</summary>
public interface IKioskClient
{
    Task SessionUpdated(SessionUpdate update);

    /// <summary>Stop taking passengers (maintenance, a supervisor's decision); the screen says so.</summary>
    Task TakeOutOfService(string reason);

    /// <summary>Take passengers again after <see cref="TakeOutOfService"/>.</summary>
    Task ReturnToService();

    /// <summary>Fetch the service's settings (face threshold, languages, timeouts) again.</summary>
    Task ReloadRules();
}
