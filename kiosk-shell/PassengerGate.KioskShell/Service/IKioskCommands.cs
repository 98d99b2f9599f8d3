namespace PassengerGate.KioskShell.Service;

/// <summary>
/// Commands the service may push to a kiosk. The kiosk listens for these method names; they belong in
/// PassengerGate.Contracts' IKioskClient so the service's Hub&lt;IKioskClient&gt; can call them typed.
/// </summary>
public interface IKioskCommands
{
    /// <summary>Stop taking passengers (the passenger at the kiosk, if any, finishes first).</summary>
    Task TakeOutOfService(string reason);

    Task ReturnToService();

    /// <summary>Fetch the settings (face threshold, languages, idle timeout) again.</summary>
    Task ReloadRules();
}
