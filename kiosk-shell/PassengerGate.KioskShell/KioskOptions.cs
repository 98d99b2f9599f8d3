namespace PassengerGate.KioskShell;

/// <summary>
/// Kiosk configuration (section "Kiosk"; environment PASSENGERGATE_KIOSK__ID etc.; or arguments
/// --Kiosk:Id=...). The credential comes from `pgate kiosk register`.
/// </summary>
public sealed class KioskOptions
{
    public string Id { get; set; } = "";

    /// <summary>
    /// Simulated hardware for development and tests (deploy/run.sh sets it): simulators for every device without a
    /// real driver, the /sim endpoints and the run-mode passenger loop. False (the default) is a real kiosk.
    /// </summary>
    public bool Simulated { get; set; }

    public string Credential { get; set; } = "";

    public Uri ServiceUrl { get; set; } = new("http://127.0.0.1:5300");

    /// <summary>A certificate (PEM or DER) to trust for the service's HTTPS besides the system's roots: a local CA or the service's self-signed certificate.</summary>
    public string? ServiceCertificateFile { get; set; }

    /// <summary>How long a passenger waits for the service before being sent to the counter.</summary>
    public TimeSpan ServiceDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Simulated hardware: pause between synthetic passengers when no touch UI is attached (zero: none).</summary>
    public TimeSpan PassengerInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Simulated hardware: share of passports with a damaged check digit.</summary>
    public double CorruptedShare { get; set; } = 0.3;

    public int Seed { get; set; } = Environment.ProcessId;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Simulated hardware: where to write the CSCA certificate that signs the simulated passports, for the service's trust folder.</summary>
    public string? SimulatedCscaFile { get; set; }

    /// <summary>Run mode: "all" kinds of synthetic travellers (SimulatedProfile), or only "ordinary" ones with nothing to declare.</summary>
    public string TravellerMix { get; set; } = "all";

    /// <summary>UI languages, comma-separated BCP 47 tags; each has KioskUi/i18n/&lt;tag&gt;.json.</summary>
    public string Languages { get; set; } = "ja,en,zh-Hans,zh-Hant,ko";

    /// <summary>
    /// The flows the first screen offers, comma-separated <see cref="Flows.KioskFlowId"/> names in the order shown; a
    /// name with no registered flow is ignored (decision 0019). With one flow the first screen starts it directly.
    /// </summary>
    public string Flows { get; set; } = "arrival";

    /// <summary>The language a new passenger is greeted in.</summary>
    public string DefaultLanguage { get; set; } = "ja";

    /// <summary>No touch for this long wipes the passenger's screen and data; the shorter of this and the service's setting applies.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a single passenger's result stays on screen.</summary>
    public TimeSpan ResultDisplay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Face threshold used until the service's is loaded (informative: the service decides with its own).</summary>
    public double FaceThreshold { get; set; } = 0.5;

    /// <summary>
    /// In family mode a member younger than this has their declaration made by the guardian: Customs Form
    /// C No. 5360 counts family members in the bands 20 or over / 6–19 / under 6.
    /// </summary>
    public int AdultAge { get; set; } = 20;

    /// <summary>The receipt printer's raw ESC/POS port, "host:port" (9100 when no port); empty: the simulated printer on loopback.</summary>
    public string? PrinterAddress { get; set; }

    /// <summary>Slips print local time: Japan Standard Time (UTC+9, no daylight saving) at a Japanese airport.</summary>
    public TimeSpan SlipUtcOffset { get; set; } = TimeSpan.FromHours(9);

    /// <summary>Real device drivers; none configured means simulated devices.</summary>
    public Devices.DeviceOptions Devices { get; set; } = new();

    public IReadOnlyList<string> FlowNames() =>
        Flows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> LanguageCodes() =>
        Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
