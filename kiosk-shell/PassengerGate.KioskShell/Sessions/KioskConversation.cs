using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Time;
using PassengerGate.Hardware.Kiosk;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Flows;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// The kiosk's conversation with the passenger at the touch screen: it owns the screen state, drives the
/// devices, follows the service's <see cref="SessionUpdate.Next"/> step by step and shows only the
/// service's lane. Whether the kiosk may serve (link, devices, remote commands, settings, the idle passenger) is
/// <see cref="DeviceSupervisor"/>'s; a passenger it ends is wiped with everything the kiosk held about them.
/// </summary>
public sealed class KioskConversation : BackgroundService, ISupervisedKiosk
{
    private readonly ServiceLink _link;
    private readonly SessionCalls _calls;
    private readonly PassengerSteps _steps;
    private readonly IPassportStation _station;
    private readonly IReceiptPrinter _printer;
    private readonly IHeightSensor _height;
    private readonly DeviceSupervisor _supervisor;
    private readonly PortraitStore _portraits;
    private readonly IHubContext<KioskUiHub, IKioskUiClient> _hub;
    private readonly KioskOptions _options;
    private readonly TimeProvider _clock;
    private readonly AirportClock _airport;
    private readonly ILogger<KioskConversation> _logger;
    private readonly Channel<UiState> _pushes = Channel.CreateUnbounded<UiState>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly KioskScreenFlow _screens = new();
    private UiState _state;
    private CancellationTokenSource? _passenger;
    private readonly PreDeclarationKeys _preDeclarationKeys;
    private readonly KioskFlows _flows;
    private TaskCompletionSource<FaceResult>? _face;
    private string? _facePortraitUrl;
    private int _portraitReissues;
    private TaskCompletionSource<(string? Qr, string? Json)>? _declaration;
    private TaskCompletionSource<bool>? _next;
    private TaskCompletionSource<string>? _currency;
    private TaskCompletionSource<string>? _currencyQr;
    private Guid? _currencySession;
    private Guid? _undecidedSession;
    private DateTimeOffset _lastTouch;
    private int _awaitingService;
    private DeclarationReview _review = DeclarationReview.None;
    private bool _soughtPreDeclaration;

    public KioskConversation(
        ServiceLink link,
        SessionCalls calls,
        PassengerSteps steps,
        IPassportStation station,
        IQrScanner qrScanner,
        IReceiptPrinter printer,
        IHeightSensor height,
        DeviceSupervisor supervisor,
        PortraitStore portraits,
        PreDeclarationKeys preDeclarationKeys,
        KioskFlows flows,
        IHubContext<KioskUiHub, IKioskUiClient> hub,
        IOptions<KioskOptions> options,
        TimeProvider clock,
        AirportClock airport,
        ILogger<KioskConversation> logger)
    {
        ArgumentNullException.ThrowIfNull(qrScanner);
        ArgumentNullException.ThrowIfNull(options);
        _preDeclarationKeys = preDeclarationKeys;
        ArgumentNullException.ThrowIfNull(flows);
        _flows = flows;
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(supervisor);
        _link = link;
        _calls = calls;
        _steps = steps;
        _station = station;
        _printer = printer;
        _height = height;
        _supervisor = supervisor;
        _portraits = portraits;
        _hub = hub;
        _options = options.Value;
        _clock = clock;
        _airport = airport;
        _logger = logger;
        _state = new UiState { Language = _options.DefaultLanguage, Languages = _options.LanguageCodes(), FaceThreshold = supervisor.FaceThreshold, Flows = FlowChoices() };
        qrScanner.Scanned += (_, text) =>
        {
            Volatile.Read(ref _declaration)?.TrySetResult((text, null));
            Volatile.Read(ref _currencyQr)?.TrySetResult(text);
        };
        supervisor.Attach(this);
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

    public bool PassengerActive => Volatile.Read(ref _passenger) is not null;

    bool ISupervisedKiosk.AwaitingService => Volatile.Read(ref _awaitingService) != 0;

    bool ISupervisedKiosk.FaceCheckRunning => Volatile.Read(ref _face) is not null;

    DateTimeOffset ISupervisedKiosk.LastTouch => _lastTouch;

    UiScreen ISupervisedKiosk.Screen => Current.Screen;

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

    /// <summary>Starts <paramref name="flowId"/> from the first screen; a flow not offered here is ignored.</summary>
    public void StartFlow(KioskFlowId flowId, bool family)
    {
        if (_flows.Find(flowId) is not { } flow)
        {
            return;
        }

        CancellationTokenSource passenger;
        lock (_gate)
        {
            if (_state.Screen != UiScreen.Welcome || _passenger is not null)
            {
                return;
            }

            passenger = new CancellationTokenSource();
            _passenger = passenger;
        }

        Touch();
        _ = RunGroupAsync(flow, family, passenger);
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

    public void CurrencyFilled(string declarationJson)
    {
        Touch();
        Volatile.Read(ref _currency)?.TrySetResult(declarationJson);
    }

    /// <summary>The session whose currency form is on the screen, for the review's assessment; null on any other screen.</summary>
    public Guid? CurrencySession => Volatile.Read(ref _currency) is null ? null : _currencySession;

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
            _ = _calls.CallAsync(sessionId, hub => hub.AbandonSession(new AbandonSession(sessionId, Guid.NewGuid(), reason)), CancellationToken.None);
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

    /// <summary>
    /// The page could not draw the chip portrait at <paramref name="portraitUrl"/>. That is not a camera fault: the
    /// page gets the same portrait under a new one-time URL, up to <see cref="PortraitReissues"/> times per face
    /// step; after that the face check is answered as not done ("portrait-unavailable"), which the service refers to
    /// an officer. A report about a URL that is no longer the face step's changes nothing.
    /// </summary>
    public void PortraitLost(string? portraitUrl)
    {
        Touch();
        if (!string.Equals(portraitUrl, Volatile.Read(ref _facePortraitUrl), StringComparison.Ordinal) || Volatile.Read(ref _face) is not { } face)
        {
            return;
        }

        if (Interlocked.Increment(ref _portraitReissues) <= PortraitReissues && _portraits.Reissue() is { } token)
        {
            var url = $"/ui/portrait/{token}";
            Volatile.Write(ref _facePortraitUrl, url);
            Update(s => s with { PortraitUrl = url });
            return;
        }

        face.TrySetResult(new FaceResult(0, _supervisor.FaceThreshold, false, [PortraitUnavailable], null, null, 0, null));
    }

    /// <summary>How often one face step may hand the page its portrait again.</summary>
    public const int PortraitReissues = 3;

    /// <summary>The quality problem a face check carries when the page never had the chip portrait to compare with.</summary>
    public const string PortraitUnavailable = "portrait-unavailable";

    public void DeviceFault(string device, string message) => _supervisor.DeviceFault(device, message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = _link.ConnectAsync(stoppingToken);
        _ = PushLoopAsync(stoppingToken);
        await _supervisor.RunAsync(stoppingToken);
    }

    void ISupervisedKiosk.ShowAvailability(string? outOfService)
    {
        var trigger = outOfService is null ? KioskScreenFlow.ScreenTrigger.Recovered : KioskScreenFlow.ScreenTrigger.Fault;
        // Going out of service or back is a new start: whoever chose a language or a mode before the fault has gone,
        // so the next passenger meets the kiosk's default language, as after each passenger (Wipe).
        Update(s =>
        {
            if (s.Screen is not (UiScreen.Welcome or UiScreen.OutOfService))
            {
                return s;
            }

            var screen = _screens.After(s.Screen, trigger);
            return s.Screen == screen && s.OutOfServiceCode == outOfService
                ? s
                : s.Screen == screen
                    ? s with { OutOfServiceCode = outOfService }
                    : s with { Screen = screen, OutOfServiceCode = outOfService, Language = _options.DefaultLanguage, Accessibility = new AccessibilityModes() };
        });
    }

    void ISupervisedKiosk.ShowFaceThreshold(double faceThreshold) => Update(s => s with { FaceThreshold = faceThreshold });

    private async Task RunGroupAsync(IKioskFlow flow, bool family, CancellationTokenSource passenger)
    {
        var ct = passenger.Token;
        var groupId = family ? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) : null;
        string? guardian = null;
        try
        {
            for (var member = 1; ; member++)
            {
                var outcome = await RunMemberAsync(flow, member, groupId, guardian, ct);
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

    private async Task<(MemberOutcome Outcome, string Name)> RunMemberAsync(IKioskFlow flow, int member, string? groupId, string? guardian, CancellationToken ct)
    {
        _review = DeclarationReview.None;
        _soughtPreDeclaration = false;
        Update(s => s with
        {
            Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.PassengerStarted), Flow = flow.Id, Family = groupId is not null, Member = member, ChipPercent = 0, PortraitUrl = null,
            Prefill = null, Lane = null, Reasons = [], Problem = null, FieldErrors = [], CaseNumber = null, SlipPrinted = false, Draft = null, Reviewing = false,
            CurrencyDirection = null, Currency = null, TaxFree = null,
        });
        var passport = await _station.WaitForPassportAsync(ct);
        Touch();
        var today = _airport.Today;
        var mrz = MrzParser.Parse(passport.MrzLines, today);
        var sessionId = Guid.NewGuid();
        Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.PassportPlaced) });

        var name = $"{mrz.Surname} {mrz.GivenNames}".Trim();
        var child = guardian is not null && mrz.DateOfBirth is { } dob && AgeOn(dob, today) < _options.AdultAge;
        var prefill = new DeclarationPrefill(
            name, mrz.DocumentNumber, mrz.NationalityAlpha3, mrz.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), groupId, child ? guardian : null);
        var input = new TouchPassenger(this, prefill);
        var document = await _steps.DocumentAsync(sessionId, passport, input, ct);
        if (flow.Id == KioskFlowId.Currency && document.Update.Lane is null)
        {
            return await DepartureCurrencyAsync(sessionId, member, mrz.GivenNames, name, ct);
        }

        if (flow.Id == KioskFlowId.TaxFree && document.Update.Lane is null)
        {
            return await DepartureTaxFreeAsync(sessionId, member, mrz.GivenNames, name, ct);
        }

        var update = await _steps.FollowServiceAsync(flow, sessionId, document, input, ct);

        // A "yes" to payment means on arrival: the currency declaration is taken before the lane is shown (DOMAIN.md §2).
        CurrencyOutcome? currency = null;
        if (update.CurrencyDeclarationExpected && update.Lane is not null)
        {
            currency = await CurrencyStepAsync(sessionId, "arrival", ct);
            if (currency.Number is { } number)
            {
                await PrintCurrencySlipAsync(sessionId, number, currency, ct);
            }
        }

        _undecidedSession = null;
        _portraits.Clear();
        var lane = update.Lane == SessionLane.Green ? SessionLane.Green : SessionLane.Red;
        var reasons = update.Reasons;
        _review = DeclarationReview.None;
        Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.Decided), PortraitUrl = null, Prefill = null, Draft = null, Reviewing = false, Lane = lane, Reasons = reasons, CaseNumber = update.CaseNumber, Problem = null, FieldErrors = [], CurrencyDirection = null, Currency = currency });
        await PrintSlipAsync(new ReceiptSlip(sessionId, lane, update.CaseNumber, reasons, update.Duty), ct);
        return (new MemberOutcome(member, mrz.GivenNames.Split(' ')[0], lane, reasons), name);
    }

    /// <summary>
    /// The departure currency flow after the passport (decision 0022, "Kiosk screens"): the form, the service's number, the
    /// slip. The session served only to verify the passport; it is abandoned (never green) once the declaration is answered.
    /// </summary>
    private async Task<(MemberOutcome Outcome, string Name)> DepartureCurrencyAsync(Guid sessionId, int member, string givenNames, string name, CancellationToken ct)
    {
        var currency = await CurrencyStepAsync(sessionId, "departure", ct);
        EndVerifyingSession(sessionId, "departure-currency-declared");
        Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.CurrencyAnswered), CurrencyDirection = null, Currency = currency, Problem = null, FieldErrors = [], Draft = null });
        if (currency.Number is { } number)
        {
            await PrintCurrencySlipAsync(sessionId, number, currency, ct);
        }

        // Not the e-gate: the family summary (if any) shows the departure desk's colour for anyone sent there.
        var lane = currency.Number is not null && currency.Next == CurrencyNextStep.Continue ? SessionLane.Green : SessionLane.Red;
        return (new MemberOutcome(member, givenNames.Split(' ')[0], lane, []), name);
    }

    /// <summary>
    /// The departure tax-free check after the passport (decision 0021, "At the kiosk"): the service finds the records by the
    /// verified passport, gives the lane and, on green, confirms the export; the screen shows each record and the lane in
    /// the traveller's language, and the slip prints them. No answer in time, or a refusal, is the desk (never "confirmed").
    /// The session served only to verify the passport; it is abandoned (never green) once the check is answered.
    /// </summary>
    private async Task<(MemberOutcome Outcome, string Name)> DepartureTaxFreeAsync(Guid sessionId, int member, string givenNames, string name, CancellationToken ct)
    {
        TaxFreeDepartureOutcome? outcome = null;
        try
        {
            var answer = await WhileWorkingAsync(() => _link.Hub(_options.ServiceDeadline, ct).CheckTaxFreeExport(new CheckTaxFreeExport(sessionId)));
            if (answer.Problem is { } problem)
            {
                _logger.LogWarning("Tax-free check of session {SessionId} refused: {Problem}; the traveller goes to the desk", sessionId, problem);
            }

            outcome = answer.Outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError(ex, "Tax-free check of session {SessionId} not answered; the traveller goes to the desk", sessionId);
        }

        EndVerifyingSession(sessionId, "departure-taxfree-checked");
        Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.TaxFreeAnswered), TaxFree = outcome, Problem = null, FieldErrors = [] });
        if (outcome is not null)
        {
            await PrintingAsync(() => _printer.PrintTaxFreeAsync(outcome, ct));
        }

        var lane = outcome?.Lane == TaxFreeLaneCode.Green ? SessionLane.Green : SessionLane.Red;
        return (new MemberOutcome(member, givenNames.Split(' ')[0], lane, []), name);
    }

    /// <summary>
    /// A departure flow's session only verified the passport: once the flow's own answer is in, it is abandoned on the
    /// service (never green) in the background, and the kiosk forgets it and the chip portrait.
    /// </summary>
    private void EndVerifyingSession(Guid sessionId, string reason)
    {
        _undecidedSession = null;
        _portraits.Clear();
        _ = _calls.CallAsync(sessionId, hub => hub.AbandonSession(new AbandonSession(sessionId, Guid.NewGuid(), reason)), CancellationToken.None);
    }

    /// <summary>
    /// The currency form until the service stores it or refuses it for good. A form the service cannot read (an invalid
    /// field, a currency without this week's rate) is shown again with its errors; any other refusal, or no answer in time,
    /// is an outcome without a number, which the page words as "go to the customs desk" (fail safe).
    /// </summary>
    private async Task<CurrencyOutcome> CurrencyStepAsync(Guid sessionId, string direction, CancellationToken ct)
    {
        IReadOnlyList<DeclarationFieldError> errors = [];
        string? draft = null;
        string? preDeclaredQr = null;
        Reason? problem = null;
        var commandId = Guid.NewGuid();
        _currencySession = sessionId;
        try
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var filled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                var scanned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _currency, filled);
                Volatile.Write(ref _currencyQr, scanned);
                var shownErrors = errors;
                var shownDraft = draft;
                var shownProblem = problem;
                Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.CurrencyAsked), CurrencyDirection = direction, FieldErrors = shownErrors, Draft = shownDraft, Problem = shownProblem });
                var first = await Task.WhenAny(filled.Task, scanned.Task).WaitAsync(ct);
                Volatile.Write(ref _currencyQr, null);
                if (first == scanned.Task)
                {
                    // A code made on the phone page (decision 0026): shown in the form to check and submit, never sent unseen.
                    Volatile.Write(ref _currency, null);
                    Touch();
                    var qr = await scanned.Task;
                    (problem, var preDeclared) = await OpenCurrencyCodeAsync(qr, direction, ct);
                    if (preDeclared is not null)
                    {
                        draft = preDeclared;
                        preDeclaredQr = qr;
                        errors = [];
                    }

                    continue;
                }

                problem = null;
                var json = await filled.Task;
                Volatile.Write(ref _currency, null);
                Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.ServiceAsked) });
                CurrencyDeclarationAnswer answer;
                Interlocked.Increment(ref _awaitingService);
                try
                {
                    answer = await _link.Hub(_options.ServiceDeadline, ct).SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(sessionId, commandId, json, preDeclaredQr));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    _logger.LogError(ex, "Currency declaration of session {SessionId} not answered; the traveller goes to the desk", sessionId);
                    return new CurrencyOutcome(null, false, null, null, null, null);
                }
                finally
                {
                    Touch();
                    Interlocked.Decrement(ref _awaitingService);
                }

                if (answer.Problem is CurrencyDeclarationProblem.Invalid or CurrencyDeclarationProblem.NoRate && answer.FieldErrors is { Count: > 0 } refused)
                {
                    _logger.LogInformation("Currency declaration of session {SessionId} refused: {Problem}", sessionId, answer.ProblemText);
                    errors = refused;
                    draft = json;
                    // Nothing was stored under this command: a corrected form is a new command.
                    commandId = Guid.NewGuid();
                    continue;
                }

                if (answer.Problem is not null)
                {
                    _logger.LogWarning("Currency declaration of session {SessionId} refused: {Problem} {Text}", sessionId, answer.Problem, answer.ProblemText);
                }

                return CurrencyOutcome.From(answer);
            }

            return new CurrencyOutcome(null, false, null, null, null, null);
        }
        finally
        {
            Volatile.Write(ref _currency, null);
            Volatile.Write(ref _currencyQr, null);
            _currencySession = null;
        }
    }

    /// <summary>
    /// A scanned currency pre-declaration, verified here against the service's published keys: its JSON for the form, or
    /// the problem to show. A code of the arrival declaration, or of the other direction, is the wrong kind; a code the
    /// kiosk cannot verify (no key list yet) is not shown, since the form must only ever hold what the traveller signed.
    /// </summary>
    private async Task<(Reason? Problem, string? Json)> OpenCurrencyCodeAsync(string qrText, string direction, CancellationToken ct)
    {
        var (problem, json) = await _preDeclarationKeys.OpenAsync(qrText, PreDeclarationKind.Currency, ct);
        if (problem is not null)
        {
            _logger.LogInformation("Currency pre-declaration code refused: {Code}", problem.Code);
            return (problem, null);
        }

        if (json is null)
        {
            return (new Reason("QR_" + PreDeclarationQrError.UnknownKey.Code(), "This code cannot be checked now. Fill in the declaration here."), null);
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("direction", out var said) && said.ValueKind == System.Text.Json.JsonValueKind.String
                && string.Equals(said.GetString(), direction, StringComparison.Ordinal))
            {
                return (null, json);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // The codec already checked it is a JSON object; anything else is the wrong kind below.
        }

        return (new Reason("QR_" + PreDeclarationQrError.WrongKind.Code(), "This code is for another declaration. Scan the code made for this one, or fill in the declaration here."), null);
    }

    private Task PrintCurrencySlipAsync(Guid sessionId, string number, CurrencyOutcome currency, CancellationToken ct) =>
        PrintingAsync(() => _printer.PrintCurrencyAsync(new CurrencyReceipt(sessionId, number, currency.Required, currency.Total, currency.ReportingCurrency, currency.Next), ct));

    /// <summary>
    /// The face screen with the chip portrait (as a one-time URL the page loads) and the service's challenge, until the page
    /// answers; the height comes from the kiosk's sensor, not from the page. No portrait: the face cannot be checked here.
    /// </summary>
    private async Task<FaceResult?> FaceAsync(Icao.Lds.FacePortrait? portrait, LivenessChallenge? challenge, CancellationToken ct)
    {
        if (portrait is null)
        {
            return null;
        }

        var face = new TaskCompletionSource<FaceResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _face, face);
        Volatile.Write(ref _portraitReissues, 0);
        var token = _portraits.Put(await WhileWorkingAsync(() => Chip.Jpeg2000Portrait.ToBrowserImageAsync(portrait, ct)));
        var portraitUrl = $"/ui/portrait/{token}";
        Volatile.Write(ref _facePortraitUrl, portraitUrl);
        Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.FaceAsked), PortraitUrl = portraitUrl, FaceThreshold = _supervisor.FaceThreshold, Liveness = challenge });
        var result = await face.Task.WaitAsync(ct);
        Volatile.Write(ref _face, null);
        Update(s => s with { PortraitUrl = null, Liveness = null });
        return result with { ChildBelowHeight = _height.BelowGateHeight() };
    }

    private async Task<DeclarationAnswer> DeclarationAsync(Guid sessionId, DeclarationPrefill prefill, Reason? problem, IReadOnlyList<DeclarationFieldError>? fieldErrors, CancellationToken ct)
    {
        string? qr;
        string? json;
        if (!_soughtPreDeclaration && _review.Qr is null)
        {
            // Once per passenger: a declaration made on the phone for this passport comes up for review unscanned.
            _soughtPreDeclaration = true;
            // The passenger waits for the service here as for a decision: a slow lookup must not wipe them as idle.
            _review = await WhileWorkingAsync(() => FindPreDeclarationAsync(sessionId, ct)) ?? _review;
        }

        while (true)
        {
            var declaration = new TaskCompletionSource<(string? Qr, string? Json)>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _declaration, declaration);
            var errors = fieldErrors ?? [];
            var review = _review;
            Update(s => s with { Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.DeclarationAsked), Prefill = prefill, Problem = problem, FieldErrors = errors, Draft = review.Draft, Reviewing = review.Qr is not null });
            (qr, json) = await declaration.Task.WaitAsync(ct);
            Volatile.Write(ref _declaration, null);
            fieldErrors = null;
            if (qr is null)
            {
                problem = null;
                break;
            }

            // A code that verifies here is shown in the form to review, change and certify (decision 0020); one the kiosk
            // cannot open offline goes to the service as scanned.
            (problem, var preDeclared) = await _preDeclarationKeys.OpenAsync(qr, ct);
            if (problem is null && preDeclared is not null)
            {
                _review = new DeclarationReview(qr, preDeclared);
                continue;
            }

            if (problem is null)
            {
                break;
            }
        }

        var reviewed = _review.Qr;
        _review = _review with { Draft = json ?? _review.Draft };
        Update(s => s with { Problem = null, FieldErrors = [] });
        return json is not null && reviewed is not null ? DeclarationAnswer.Certified(reviewed, json) : new DeclarationAnswer(qr, json);
    }

    /// <summary>
    /// The traveller's phone pre-declaration found by the passport this session verified (decision 0027), opened and
    /// checked here as a scanned code is; null when there is none, it does not verify, or the service does not answer in
    /// time (the traveller then scans the code or fills in the form, as without the lookup).
    /// </summary>
    private async Task<DeclarationReview?> FindPreDeclarationAsync(Guid sessionId, CancellationToken ct)
    {
        try
        {
            var found = await _link.Hub(_options.ServiceDeadline, ct).FindPreDeclaration(new FindPreDeclaration(sessionId));
            if (found.QrText is not { } qrText)
            {
                return null;
            }

            var (problem, json) = await _preDeclarationKeys.OpenAsync(qrText, ct);
            if (problem is null && json is not null)
            {
                return new DeclarationReview(qrText, json);
            }

            _logger.LogWarning("Pre-declaration found for session {SessionId} did not open here: {Code}", sessionId, problem?.Code ?? "no keys");
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Pre-declaration of session {SessionId} not looked up; the traveller scans or fills in the form", sessionId);
            return null;
        }
        finally
        {
            Touch();
        }
    }

    /// <summary>
    /// The person at the screen, for <see cref="PassengerSteps"/>: the screens above answer its steps. While the service
    /// decides, the screen says "checking with customs…" (never "reading passport": the passport was read).
    /// </summary>
    private sealed class TouchPassenger(KioskConversation kiosk, DeclarationPrefill prefill) : IPassengerInput
    {
        public void SessionOpened(Guid sessionId) => kiosk._undecidedSession = sessionId;

        public void ChipProgress(int percent) => kiosk.Update(s => s.ChipPercent == percent ? s : s with { ChipPercent = percent });

        public void ServiceAsked() => kiosk.Update(s => s with { Screen = kiosk._screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.ServiceAsked) });

        public Task<T> WhileWorkingAsync<T>(Func<Task<T>> work) => kiosk.WhileWorkingAsync(work);

        public Task<FaceResult?> FaceAsync(Icao.Lds.FacePortrait? portrait, LivenessChallenge? challenge, CancellationToken ct) => kiosk.FaceAsync(portrait, challenge, ct);

        public Task<DeclarationAnswer> DeclarationAsync(Guid sessionId, SessionUpdate asked, CancellationToken ct) =>
            kiosk.DeclarationAsync(sessionId, prefill, asked.Problem, asked.FieldErrors, ct);
    }

    /// <summary>
    /// Work the passenger waits for, the kiosk's or the service's (opening the session, reading the chip, preparing the
    /// portrait, a decision): the idle timer stands still while it runs and starts afresh after it. A passenger is idle
    /// only when the kiosk waits for them; on a loaded kiosk the chip read alone once outlasted the idle timeout and
    /// wiped a passenger who had done everything asked. Each such wait is bounded by its own deadline.
    /// </summary>
    private async Task<T> WhileWorkingAsync<T>(Func<Task<T>> work)
    {
        Interlocked.Increment(ref _awaitingService);
        try
        {
            return await work();
        }
        finally
        {
            Touch();
            Interlocked.Decrement(ref _awaitingService);
        }
    }

    private Task PrintSlipAsync(ReceiptSlip slip, CancellationToken ct) => PrintingAsync(() => _printer.PrintAsync(slip, ct));

    /// <summary>
    /// Prints a slip and says so on the screen. The result is already on screen; a printer that fails takes the kiosk out of
    /// service after this passenger (a device fault), and the passenger keeps what the screen says.
    /// </summary>
    private async Task PrintingAsync(Func<Task> print)
    {
        try
        {
            await print();
            Update(s => s with { SlipPrinted = true });
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            DeviceFault("printer", ex.Message);
        }
    }

    private void Wipe()
    {
        _portraits.Clear();
        Volatile.Write(ref _face, null);
        Volatile.Write(ref _declaration, null);
        Volatile.Write(ref _next, null);
        Volatile.Write(ref _currency, null);
        _currencySession = null;
        _review = DeclarationReview.None;
        Update(s => new UiState
        {
            Screen = _screens.After(s.Screen, KioskScreenFlow.ScreenTrigger.Wiped),
            Language = _options.DefaultLanguage,
            Languages = _options.LanguageCodes(),
            FaceThreshold = _supervisor.FaceThreshold,
            Flows = s.Flows,
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

    private IReadOnlyList<FlowChoice> FlowChoices() => [.. _flows.Enabled.Select(f => new FlowChoice(f.Id, f.TitleKey))];

    private static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
