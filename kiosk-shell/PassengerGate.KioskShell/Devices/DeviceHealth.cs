namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// The health of each device, as the heartbeat reports it to the service. Any fault takes the kiosk
/// out of service: a passenger must not start a session the kiosk cannot finish.
/// </summary>
public sealed class DeviceHealth
{
    public const string Ok = "ok";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _devices = new(StringComparer.Ordinal)
    {
        ["passportReader"] = Ok,
        ["qrScanner"] = Ok,
        ["printer"] = Ok,
        ["camera"] = Ok,
    };

    public event EventHandler? Changed;

    public bool AllOk
    {
        get
        {
            lock (_gate)
            {
                return _devices.Values.All(v => string.Equals(v, Ok, StringComparison.Ordinal));
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
