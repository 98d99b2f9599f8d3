namespace PassengerGate.KioskShell;

/// <summary>
/// Kiosk configuration (section "Kiosk"; environment PASSENGERGATE_KIOSK__ID etc.; or arguments
/// --Kiosk:Id=...). The credential comes from `pgate kiosk register`.
/// </summary>
public sealed class KioskOptions
{
    public string Id { get; set; } = "";

    public string Credential { get; set; } = "";

    public Uri ServiceUrl { get; set; } = new("http://127.0.0.1:5300");

    /// <summary>How long a passenger waits for the service before being sent to the counter.</summary>
    public TimeSpan ServiceDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Simulated hardware: pause between synthetic passengers (zero: no simulated passengers).</summary>
    public TimeSpan PassengerInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Simulated hardware: share of passports with a damaged check digit.</summary>
    public double CorruptedShare { get; set; } = 0.3;

    public int Seed { get; set; } = Environment.ProcessId;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
}
