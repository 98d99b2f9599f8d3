using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Time;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// The kiosk's conversation with the passenger at the touch screen: it owns the screen state, drives the
/// devices, follows the service's <see cref="SessionUpdate.Next"/> step by step and shows only the
/// service's lane. Out of service whenever the service is unreachable, a device is faulty or the
/// service said so; a passenger left idle is wiped with everything the kiosk held about them.
/// </summary>
public sealed class KioskConversation : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private readonly ServiceLink _link;
    private readonly SessionCalls _calls;
    private readonly PassportChipReader _chipReader;
    private readonly IPassportStation _station;
    private readonly IReceiptPrinter _printer;
    private readonly IHeightSensor _height;
    private readonly DeviceHealth _health;
    private readonly PortraitStore _portraits;
    private readonly IHubContext<KioskUiHub, IKioskUiClient> _hub;
    private readonly KioskOptions _options;
    private readonly TimeProvider _clock;
    private readonly AirportClock _airport;
    private readonly ILogger<KioskConversation> _logger;
    private readonly Channel<UiState> _pushes = Channel.CreateUnbounded<UiState>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private UiState _state;
    private CancellationTokenSource? _passenger;
    private readonly PreDeclarationKeys _preDeclarationKeys;
    private TaskCompletionSource<FaceResult>? _face;
    private string? _facePortraitUrl;

    /// <summary>How long the face step may go without a touch beyond the idle timeout (two recording windows and their analysis).</summary>
    private static readonly TimeSpan FaceCheckAllowance = TimeSpan.FromMinutes(10);
    private TaskCompletionSource<(string? Qr, string? Json)>? _declaration;
    private TaskCompletionSource<bool>? _next;
    private Guid? _undecidedSession;
    private DateTimeOffset _lastTouch;
    private int _awaitingService;
    private string? _remoteOutOfService;
    private double _faceThreshold;
    private TimeSpan _idleTimeout;
    private bool _settingsWanted = true;

    public KioskConversation(
        ServiceLink link,
        SessionCalls calls,
        PassportChipReader chipReader,
        IPassportStation station,
        IQrScanner qrScanner,
        IReceiptPrinter printer,
        IHeightSensor height,
        DeviceHealth health,
        PortraitStore portraits,
        PreDeclarationKeys preDeclarationKeys,
        IHubContext<KioskUiHub, IKioskUiClient> hub,
        IOptions<KioskOptions> options,
        TimeProvider clock,
        AirportClock airport,
        ILogger<KioskConversation> logger)
    {
        ArgumentNullException.ThrowIfNull(qrScanner);
        ArgumentNullException.ThrowIfNull(options);
        _preDeclarationKeys = preDeclarationKeys;
        ArgumentNullException.ThrowIfNull(link);
        _link = link;
        _calls = calls;
        _chipReader = chipReader;
        _station = station;
        _printer = printer;
        _height = height;
        _health = health;
        _portraits = portraits;
        _hub = hub;
        _options = options.Value;
        _clock = clock;
        _airport = airport;
        _logger = logger;
        _faceThreshold = _options.FaceThreshold;
        _idleTimeout = _options.IdleTimeout;
        _state = new UiState { Language = _options.DefaultLanguage, Languages = _options.LanguageCodes(), FaceThreshold = _faceThreshold };
        qrScanner.Scanned += (_, text) => Volatile.Read(ref _declaration)?.TrySetResult((text, null));
        link.Connected += (_, _) => _settingsWanted = true;
        link.CommandReceived += (_, command) => OnCommand(command);
        health.Changed += (_, _) => OnHealthChanged();
    }

    public UiState Current
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    private bool PassengerActive => Volatile.Read(ref _passenger) is not null;

    public void Touch() => _lastTouch = _clock.GetUtcNow();

    public void SetLanguage(string language)
    {
        if (_options.LanguageCodes().Contains(language, StringComparer.Ordinal))
        {
            Touch();
            Update(s => s with { Language = language });
        }
    }

    public void SetAccessibility(AccessibilityModes modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        Touch();
        Update(s => s with { Accessibility = modes });
    }

    public void StartArrival(bool family)
    {
        CancellationTokenSource passenger;
        lock (_gate)
        {
            if (_state.Screen != "welcome" || _passenger is not null)
            {
                return;
            }

            passenger = new CancellationTokenSource();
            _passenger = passenger;
        }

        Touch();
        _ = RunGroupAsync(family, passenger);
    }

    /// <summary>
    /// The face screen's answer for the portrait it was shown. The page re-sends an answer the link lost while
    /// it reconnected; one meant for an earlier face step (another member's portrait) is not taken for this one.
    /// </summary>
    public void FaceMeasured(FaceResult result, string? portraitUrl)
    {
        Touch();
        if (string.Equals(portraitUrl, Volatile.Read(ref _facePortraitUrl), StringComparison.Ordinal))
        {
            Volatile.Read(ref _face)?.TrySetResult(result);
        }
    }

    public void DeclarationFilled(string declarationJson)
    {
        Touch();
        Volatile.Read(ref _declaration)?.TrySetResult((null, declarationJson));
    }

    public void NextMember()
    {
        Touch();
        Volatile.Read(ref _next)?.TrySetResult(true);
    }

    public void Finish()
    {
        Touch();
        Volatile.Read(ref _next)?.TrySetResult(false);
    }

    /// <summary>Ends the passenger's visit now: an undecided session is abandoned (never green) and everything is wiped.</summary>
    public void Cancel(string reason)
    {
        CancellationTokenSource? passenger;
        lock (_gate)
        {
            passenger = _passenger;
        }

        if (passenger is null)
        {
            return;
        }

        _logger.LogInformation("Passenger session ended by the kiosk: {Reason}", reason);
        if (_undecidedSession is { } sessionId)
        {
            _undecidedSession = null;
            _ = _calls.CallAsync(sessionId, nameof(IKioskHub.AbandonSession), new AbandonSession(sessionId, Guid.NewGuid(), reason), CancellationToken.None);
        }

        try
        {
            passenger.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The passenger's flow ended on its own meanwhile: there is nothing left to cancel.
        }
    }

    public void DeviceFault(string device, string message)
    {
        _logger.LogError("Device fault on {Device}: {Message}", device, message);
        _health.Report(device, string.IsNullOrWhiteSpace(message) ? "fault" : message);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = _link.ConnectAsync(stoppingToken);
        _ = PushLoopAsync(stoppingToken);
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
        if (_settingsWanted && _link.IsConnected)
        {
            await LoadSettingsAsync(stoppingToken);
        }

        if (PassengerActive)
        {
            // Never while the service decides: the passenger is waiting for us, not idle (the face decision used to wipe
            // passengers on a slow service). SessionCalls' ServiceDeadline bounds that wait.
            // Nor while the face screen runs the liveness challenge: the passenger is in front of the camera, and the
            // page's analysis can hold its thread longer than the idle timeout on a slow kiosk. A page that died there
            // is still wiped after FaceCheckAllowance.
            var limit = Volatile.Read(ref _face) is null ? _idleTimeout : _idleTimeout + FaceCheckAllowance;
            if (Volatile.Read(ref _awaitingService) == 0 && _clock.GetUtcNow() - _lastTouch > limit)
            {
                Cancel("idle-timeout");
            }

            return;
        }

        var outOfService = _remoteOutOfService is not null ? "remote"
            : !_health.AllOk ? "deviceFault"
            : _link.RefusedReason is not null ? "refused"
            : !_link.IsConnected ? "serviceUnreachable"
            : null;
        var screen = outOfService is null ? "welcome" : "outOfService";
        // Going out of service or back is a new start: whoever chose a language or a mode before the fault has gone,
        // so the next passenger meets the kiosk's default language, as after each passenger (Wipe).
        Update(s => s.Screen == screen && s.OutOfServiceCode == outOfService
            ? s
            : s.Screen == screen
                ? s with { OutOfServiceCode = outOfService }
                : s with { Screen = screen, OutOfServiceCode = outOfService, Language = _options.DefaultLanguage, Accessibility = new AccessibilityModes() });
    }

    private async Task RunGroupAsync(bool family, CancellationTokenSource passenger)
    {
        var ct = passenger.Token;
        var groupId = family ? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) : null;
        string? guardian = null;
        try
        {
            for (var member = 1; ; member++)
            {
                var outcome = await RunMemberAsync(member, groupId, guardian, ct);
                guardian ??= outcome.Name;
                var next = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _next, next);
                Update(s => s with { Members = family ? [.. s.Members, outcome.Outcome] : s.Members });
                var more = family
                    ? await next.Task.WaitAsync(ct)
                    : await next.Task.WaitAsync(_options.ResultDisplay, _clock, ct).ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default);
                Volatile.Write(ref _next, null);
                if (!family || !more)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Idle timeout, cancel or a device fault: the wipe below is the whole answer.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Passenger flow failed");
        }
        finally
        {
            Wipe();
            lock (_gate)
            {
                _passenger = null;
            }

            passenger.Dispose();
        }
    }

    private async Task<(MemberOutcome Outcome, string Name)> RunMemberAsync(int member, string? groupId, string? guardian, CancellationToken ct)
    {
        Update(s => s with
        {
            Screen = "placePassport", Flow = "arrival", Family = groupId is not null, Member = member, ChipPercent = 0, PortraitUrl = null,
            Prefill = null, Lane = null, Reasons = [], Problem = null, FieldErrors = [], CaseNumber = null, SlipPrinted = false,
        });
        var passport = await _station.WaitForPassportAsync(ct);
        Touch();
        var today = _airport.Today;
        var mrz = MrzParser.Parse(passport.MrzLines, today);
        var sessionId = Guid.NewGuid();
        Update(s => s with { Screen = "readingChip" });

        var update = await _calls.CallAsync(sessionId, nameof(IKioskHub.OpenArrivalSession), new OpenArrivalSession(sessionId), ct);
        ChipDocument? chip = null;
        if (update.Lane is null)
        {
            _undecidedSession = sessionId;
            chip = passport.Chip is null ? null : await _chipReader.ReadAsync(passport.MrzLines, passport.Chip, update.ChipChallenge, p => Update(s => s.ChipPercent == p ? s : s with { ChipPercent = p }), ct, (dg14, token) => _calls.RequestChipAuthenticationAsync(sessionId, dg14, token));
            Touch();
            update = await DecideAsync(sessionId, nameof(IKioskHub.SubmitDocument), new SubmitDocument(sessionId, Guid.NewGuid(), passport.MrzLines, chip?.Reading), ct);
        }

        var name = $"{mrz.Surname} {mrz.GivenNames}".Trim();
        var child = guardian is not null && mrz.DateOfBirth is { } dob && AgeOn(dob, today) < _options.AdultAge;
        var prefill = new DeclarationPrefill(
            name, mrz.DocumentNumber, mrz.NationalityAlpha3, mrz.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), groupId, child ? guardian : null);

        for (var steps = 0; update.Lane is null && steps < 10; steps++)
        {
            update = update.Next switch
            {
                "face" when chip?.Portrait is { } portrait => await FaceStepAsync(sessionId, portrait, update.Liveness, ct),
                "declaration" => await DeclarationStepAsync(sessionId, prefill, update.Problem, update.FieldErrors, ct),
                _ => await _calls.CallAsync(sessionId, nameof(IKioskHub.AbandonSession), new AbandonSession(sessionId, Guid.NewGuid(), $"kiosk-cannot-do-{update.Next ?? "nothing"}"), ct),
            };
        }

        _undecidedSession = null;
        _portraits.Clear();
        var lane = update.Lane == "green" ? "green" : "red";
        IReadOnlyList<TravellerReason> reasons = update.Lane is null ? [TravellerReason.Undecided] : update.Reasons;
        Update(s => s with { Screen = "result", PortraitUrl = null, Prefill = null, Lane = lane, Reasons = reasons, CaseNumber = update.CaseNumber, Problem = null, FieldErrors = [] });
        await PrintSlipAsync(new ReceiptSlip(sessionId, lane, update.CaseNumber, reasons), ct);
        return (new MemberOutcome(member, mrz.GivenNames.Split(' ')[0], lane, reasons), name);
    }

    private async Task<SessionUpdate> FaceStepAsync(Guid sessionId, Icao.Lds.FacePortrait portrait, LivenessChallenge? challenge, CancellationToken ct)
    {
        var face = new TaskCompletionSource<FaceResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _face, face);
        var token = _portraits.Put(await Chip.Jpeg2000Portrait.ToBrowserImageAsync(portrait, ct));
        var portraitUrl = $"/ui/portrait/{token}";
        Volatile.Write(ref _facePortraitUrl, portraitUrl);
        Update(s => s with { Screen = "face", PortraitUrl = portraitUrl, FaceThreshold = _faceThreshold, Liveness = challenge });
        var result = await face.Task.WaitAsync(ct);
        Volatile.Write(ref _face, null);
        Update(s => s with { PortraitUrl = null, Liveness = null });
        // The height comes from the kiosk's sensor, not from the page.
        var measured = result with { ChildBelowHeight = _height.BelowGateHeight() };
        return await DecideAsync(sessionId, nameof(IKioskHub.SubmitFaceResult), new SubmitFaceResult(sessionId, Guid.NewGuid(), measured), ct);
    }

    private async Task<SessionUpdate> DeclarationStepAsync(Guid sessionId, DeclarationPrefill prefill, Reason? problem, IReadOnlyList<DeclarationFieldError>? fieldErrors, CancellationToken ct)
    {
        string? qr;
        string? json;
        while (true)
        {
            var declaration = new TaskCompletionSource<(string? Qr, string? Json)>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _declaration, declaration);
            var errors = fieldErrors ?? [];
            Update(s => s with { Screen = "declaration", Prefill = prefill, Problem = problem, FieldErrors = errors });
            (qr, json) = await declaration.Task.WaitAsync(ct);
            Volatile.Write(ref _declaration, null);
            problem = qr is null ? null : await _preDeclarationKeys.PreCheckAsync(qr, ct);
            fieldErrors = null;
            if (problem is null)
            {
                break;
            }
        }

        Update(s => s with { Problem = null, FieldErrors = [] });
        return await DecideAsync(sessionId, nameof(IKioskHub.SubmitDeclaration), new SubmitDeclaration(sessionId, Guid.NewGuid(), qr, json), ct);
    }

    /// <summary>
    /// One step the service decides: the screen says "checking with customs…" (never "reading passport": the passport
    /// was read), and the idle timer stands still until the answer, then starts afresh.
    /// </summary>
    private async Task<SessionUpdate> DecideAsync(Guid sessionId, string method, object request, CancellationToken ct)
    {
        Update(s => s with { Screen = "checking" });
        Interlocked.Increment(ref _awaitingService);
        try
        {
            return await _calls.CallAsync(sessionId, method, request, ct);
        }
        finally
        {
            Touch();
            Interlocked.Decrement(ref _awaitingService);
        }
    }

    private async Task PrintSlipAsync(ReceiptSlip slip, CancellationToken ct)
    {
        try
        {
            await _printer.PrintAsync(slip, ct);
            Update(s => s with { SlipPrinted = true });
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            // The lane is already on screen; a missing slip takes the kiosk out of service after this passenger.
            DeviceFault("printer", ex.Message);
        }
    }

    private async Task LoadSettingsAsync(CancellationToken ct)
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

            Update(s => s with { FaceThreshold = _faceThreshold });
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
        if (!_health.AllOk && PassengerActive && Current.Screen != "result")
        {
            Cancel("device-fault");
        }
    }

    private void Wipe()
    {
        _portraits.Clear();
        Volatile.Write(ref _face, null);
        Volatile.Write(ref _declaration, null);
        Volatile.Write(ref _next, null);
        Update(s => new UiState
        {
            Screen = "welcome",
            Language = _options.DefaultLanguage,
            Languages = _options.LanguageCodes(),
            FaceThreshold = _faceThreshold,
            Generation = s.Generation + 1,
        });
    }

    private void Update(Func<UiState, UiState> change)
    {
        UiState next;
        lock (_gate)
        {
            var before = _state;
            next = change(before);
            if (ReferenceEquals(next, before))
            {
                return;
            }

            _state = next;
        }

        _pushes.Writer.TryWrite(next);
    }

    private async Task PushLoopAsync(CancellationToken ct)
    {
        await foreach (var state in _pushes.Reader.ReadAllAsync(ct))
        {
            try
            {
                await _hub.Clients.All.Screen(state);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning("Screen push failed: {Message}", ex.Message);
            }
        }
    }

    private static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
