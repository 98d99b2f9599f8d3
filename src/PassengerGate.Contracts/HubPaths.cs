namespace PassengerGate.Contracts;

/// <summary>Where the service maps its hubs; kiosks and consoles connect to these paths.</summary>
public static class HubPaths
{
    public const string Kiosk = "/hubs/kiosk";
    public const string Officer = "/hubs/officer";
    public const string Departure = "/hubs/departure";
}
