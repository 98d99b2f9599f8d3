namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// The health of each device, as the heartbeat reports it to the service. Any fault takes the kiosk
/// out of service: a passenger must not start a session the kiosk cannot finish. A device the kiosk was
/// built without is "missing": for the passport reader and the printer that is a fault too; without a QR
/// scanner the passenger declares on the screen, and without a height sensor the height is not measured, so
/// the service refers the passenger (HEIGHT_NOT_REPORTED) instead of sending a child to the e-gate.
/// </summary>
public sealed class DeviceHealth
{
    public const string Ok = "ok";
    public const string Missing = "missing";

    /// <summary>Devices whose absence the passenger's session works around (see the class summary).</summary>
    public static readonly IReadOnlySet<string> Optional = new HashSet<string>(StringComparer.Ordinal) { "qrScanner", "heightSensor" };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _devices = new(StringComparer.Ordinal)
    {
        ["passportReader"] = Ok,
        ["qrScanner"] = Ok,
        ["printer"] = Ok,
        ["camera"] = Ok,
        ["heightSensor"] = Ok,
    };

    public DeviceHealth()
        : this([])
    {
    }

    /// <summary>A kiosk built without <paramref name="missing"/> devices reports them so from the start.</summary>
    public DeviceHealth(IEnumerable<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        foreach (var device in missing)
        {
            _devices[device] = Missing;
        }
    }

    public event EventHandler? Changed;

    public bool AllOk
    {
        get
        {
            lock (_gate)
            {
                return _devices.All(d => string.Equals(d.Value, Ok, StringComparison.Ordinal)
                    || (string.Equals(d.Value, Missing, StringComparison.Ordinal) && Optional.Contains(d.Key)));
            }
        }
    }

    public IReadOnlyDictionary<string, string> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(_devices, StringComparer.Ordinal);
        }
    }

    public void Report(string device, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        lock (_gate)
        {
            if (_devices.TryGetValue(device, out var old) && string.Equals(old, status, StringComparison.Ordinal))
            {
                return;
            }

            _devices[device] = status;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }
}
