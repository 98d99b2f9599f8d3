using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// What the kiosk's supervision needs from the passenger's conversation: whether a passenger is being served and
/// since when they are idle, how to end their visit and how to show the kiosk's availability and settings.
/// </summary>
public interface ISupervisedKiosk
{
    bool PassengerActive { get; }

    /// <summary>True while the kiosk or the service works for the passenger (session, chip, decision): they are not idle.</summary>
    bool AwaitingService { get; }

    /// <summary>True while the face screen runs the liveness challenge (decision 0010): the passenger is in front of the camera.</summary>
    bool FaceCheckRunning { get; }

    DateTimeOffset LastTouch { get; }

    UiScreen Screen { get; }

    void Cancel(string reason);

    /// <summary>Between passengers: the welcome screen when <paramref name="outOfServiceCode"/> is null, out of service otherwise.</summary>
    void ShowAvailability(string? outOfServiceCode);

    void ShowFaceThreshold(double faceThreshold);
}

/// <summary>
/// Keeps the kiosk fit to serve (issue 10 point 5, decision 0019): the service's settings and remote commands, the
/// devices' health and the idle passenger. Out of service whenever the service is unreachable or refused the kiosk,
/// a device is faulty or the service said so; a device fault ends the passenger's visit unless the lane is already
/// on screen; a passenger left idle is wiped.
/// </summary>
public sealed class DeviceSupervisor
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private readonly ServiceLink _link;
    private readonly DeviceHealth _health;
    private readonly KioskOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DeviceSupervisor> _logger;
    private ISupervisedKiosk? _kiosk;
    private string? _remoteOutOfService;
    private double _faceThreshold;
    private TimeSpan _idleTimeout;

    /// <summary>How long the face step (two recording windows and their analysis), or the kiosk's and the service's work, may go without a touch beyond the idle timeout.</summary>
    private static readonly TimeSpan FaceCheckAllowance = TimeSpan.FromMinutes(10);
    private bool _settingsWanted = true;

    public DeviceSupervisor(ServiceLink link, DeviceHealth health, IOptions<KioskOptions> options, TimeProvider clock, ILogger<DeviceSupervisor> logger)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(options);
        _link = link;
        _health = health;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _faceThreshold = _options.FaceThreshold;
        _idleTimeout = _options.IdleTimeout;
        link.Connected += (_, _) => _settingsWanted = true;
        link.CommandReceived += (_, command) => OnCommand(command);
        health.Changed += (_, _) => OnHealthChanged();
    }

    /// <summary>Until the service's threshold arrives, the kiosk's own (<see cref="KioskOptions.FaceThreshold"/>).</summary>
    public double FaceThreshold => _faceThreshold;

    /// <summary>The kiosk this supervises; one conversation per kiosk process.</summary>
    public void Attach(ISupervisedKiosk kiosk) => Volatile.Write(ref _kiosk, kiosk);

    public void DeviceFault(string device, string message)
    {
        _logger.LogError("Device fault on {Device}: {Message}", device, message);
        _health.Report(device, string.IsNullOrWhiteSpace(message) ? "fault" : message);
    }

    /// <summary>Watches the link, the devices and the passenger until <paramref name="stoppingToken"/>.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The kiosk must keep watching its link and devices whatever one tick ran into.
                _logger.LogError(ex, "Kiosk supervision tick failed");
            }
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        if (Volatile.Read(ref _kiosk) is not { } kiosk)
        {
            return;
        }

        if (_settingsWanted && _link.IsConnected)
        {
            await LoadSettingsAsync(kiosk, stoppingToken);
        }

        if (kiosk.PassengerActive)
        {
            // Not while the kiosk or the service works for the passenger (opening the session, reading the chip, a
            // decision): the passenger is waiting for us, not idle (the face decision, and on a loaded kiosk the chip read,
            // used to wipe passengers). Nor while the face screen runs the liveness challenge: its analysis can hold the
            // page's thread (and so its touches) longer than the idle timeout on a slow kiosk. Each has its own deadline;
            // a page or a device that hangs there is still wiped after the allowance.
            var limit = kiosk.FaceCheckRunning || kiosk.AwaitingService ? _idleTimeout + FaceCheckAllowance : _idleTimeout;
            if (_clock.GetUtcNow() - kiosk.LastTouch > limit)
            {
                kiosk.Cancel("idle-timeout");
            }

            return;
        }

        kiosk.ShowAvailability(
            _remoteOutOfService is not null ? "remote"
            : !_health.AllOk ? "deviceFault"
            : _link.RefusedReason is not null ? "refused"
            : !_link.IsConnected ? "serviceUnreachable"
            : null);
    }

    private async Task LoadSettingsAsync(ISupervisedKiosk kiosk, CancellationToken ct)
    {
        _settingsWanted = false;
        try
        {
            var settings = await _link.GetSettingsAsync(_options.ServiceDeadline, ct);
            _faceThreshold = settings.FaceThreshold;
            if (settings.IdleTimeout > TimeSpan.Zero)
            {
                // The stricter of the two wins: wiping a forgotten session sooner never harms the next passenger.
                _idleTimeout = settings.IdleTimeout < _options.IdleTimeout ? settings.IdleTimeout : _options.IdleTimeout;
            }

            kiosk.ShowFaceThreshold(_faceThreshold);
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            _logger.LogWarning("Kiosk settings not loaded, keeping the local ones: {Message}", ex.Message);
        }
    }

    private void OnCommand(RemoteCommand command)
    {
        switch (command.Name)
        {
            case nameof(IKioskClient.TakeOutOfService):
                _remoteOutOfService = command.Reason ?? "remote";
                break;
            case nameof(IKioskClient.ReturnToService):
                _remoteOutOfService = null;
                break;
            case nameof(IKioskClient.ReloadRules):
                _settingsWanted = true;
                break;
            default:
                break;
        }
    }

    private void OnHealthChanged()
    {
        if (!_health.AllOk && Volatile.Read(ref _kiosk) is { } kiosk && kiosk.PassengerActive && kiosk.Screen != UiScreen.Result)
        {
            kiosk.Cancel("device-fault");
        }
    }
}
