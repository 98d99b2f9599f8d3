using Stateless;
using Stateless.Graph;

namespace PassengerGate.Domain.Sessions;

/// <summary>
/// One arriving passenger's session. The Stateless machine lives inside and is configured in one
/// place; callers use intent methods. State is held outside the machine (<see cref="State"/>) so
/// the session can be rebuilt from a database row, and every step is appended to
/// <see cref="PendingTransitions"/> for the store to persist.
/// Fail-safe: from every live state the session can be referred to an officer, and abandoning
/// an undecided session refers it rather than dropping it.
/// </summary>
public sealed class ArrivalSession
{
    private readonly StateMachine<ArrivalState, ArrivalTrigger> _machine;
    private readonly StateMachine<ArrivalState, ArrivalTrigger>.TriggerWithParameters<IReadOnlyList<SessionReason>> _refer;
    private readonly List<SessionTransition> _pending = [];
    private int _sequence;
    private (string Actor, DateTimeOffset At, IReadOnlyList<SessionReason> Reasons) _cause;

    private ArrivalSession(Guid id, string kioskId, ArrivalState state, int sequence)
    {
        Id = id;
        KioskId = kioskId;
        State = state;
        _sequence = sequence;
        _machine = new StateMachine<ArrivalState, ArrivalTrigger>(() => State, s => State = s);
        _refer = _machine.SetTriggerParameters<IReadOnlyList<SessionReason>>(ArrivalTrigger.Refer);
        Configure();
    }

    public Guid Id { get; }

    public string KioskId { get; }

    public ArrivalState State { get; private set; }

    /// <summary>The number of transitions recorded so far; the next one gets this plus one.</summary>
    public int Sequence => _sequence;

    /// <summary>"green", "red" or null while undecided.</summary>
    public string? Lane => State switch
    {
        ArrivalState.Released => "green",
        ArrivalState.Referred => "red",
        _ => null,
    };

    public IReadOnlyList<SessionTransition> PendingTransitions => _pending;

    public static ArrivalSession Open(Guid id, string kioskId) => new(id, kioskId, ArrivalState.Opened, 0);

    public static ArrivalSession Restore(Guid id, string kioskId, ArrivalState state, int sequence) => new(id, kioskId, state, sequence);

    public bool IsDecided => State is ArrivalState.Released or ArrivalState.Referred or ArrivalState.Closed or ArrivalState.Abandoned;

    /// <summary>The optically read document passed its checks.</summary>
    public void AcceptDocument(string actor, DateTimeOffset at) => Fire(ArrivalTrigger.DocumentAccepted, actor, at, []);

    /// <summary>The chip's data passed passive authentication on the service.</summary>
    public void VerifyDocument(string actor, DateTimeOffset at) => Fire(ArrivalTrigger.DocumentVerified, actor, at, []);

    /// <summary>The live face matched the chip portrait, with liveness.</summary>
    public void VerifyFace(string actor, DateTimeOffset at) => Fire(ArrivalTrigger.FaceVerified, actor, at, []);

    /// <summary>A declaration is bound to the session and assessed next.</summary>
    public void BindDeclaration(string actor, DateTimeOffset at) => Fire(ArrivalTrigger.DeclarationBound, actor, at, []);

    /// <summary>Release to the e-gate (green). Only once every check has passed and the declaration is bound.</summary>
    public void Release(string actor, DateTimeOffset at) => Fire(ArrivalTrigger.Release, actor, at, []);

    /// <summary>An officer closes a referred case with an outcome.</summary>
    public void Decide(OfficerOutcome outcome, string note, string officer, DateTimeOffset at) =>
        Fire(ArrivalTrigger.OfficerDecision, officer, at, [new SessionReason($"OFFICER_{outcome}", string.IsNullOrWhiteSpace(note) ? outcome.ToString() : note)]);

    /// <summary>The next step the kiosk should take, or null once decided.</summary>
    public string? NextStep => State switch
    {
        ArrivalState.Opened => "document",
        ArrivalState.DocumentRead => "document",
        ArrivalState.DocumentVerified => "face",
        ArrivalState.FaceVerified => "declaration",
        _ => null,
    };

    /// <summary>Send the passenger to an officer (red) with every reason.</summary>
    public void Refer(IReadOnlyList<SessionReason> reasons, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Count == 0)
        {
            throw new ArgumentException("A referral needs at least one reason.", nameof(reasons));
        }

        _cause = (actor, at, reasons);
        _machine.Fire(_refer, reasons);
    }

    /// <summary>The released passenger passed the gate.</summary>
    public void Close(string actor, DateTimeOffset at) => Fire(ArrivalTrigger.Close, actor, at, []);

    /// <summary>The passenger walked away or the session timed out before a decision.</summary>
    public void Abandon(string actor, DateTimeOffset at, SessionReason reason) => Fire(ArrivalTrigger.Abandon, actor, at, [reason]);

    public bool CanRefer => _machine.CanFire(ArrivalTrigger.Refer);

    public void MarkPersisted() => _pending.Clear();

    /// <summary>The machine as a Mermaid state diagram, generated from the configuration.</summary>
    public static string ToMermaidGraph()
    {
        var session = Open(Guid.Empty, "diagram");
        return MermaidGraph.Format(session._machine.GetInfo());
    }

    private void Fire(ArrivalTrigger trigger, string actor, DateTimeOffset at, IReadOnlyList<SessionReason> reasons)
    {
        _cause = (actor, at, reasons);
        _machine.Fire(trigger);
    }

    private void Configure()
    {
        _machine.Configure(ArrivalState.Opened)
            .Permit(ArrivalTrigger.DocumentAccepted, ArrivalState.DocumentRead)
            .Permit(ArrivalTrigger.Refer, ArrivalState.Referred)
            .Permit(ArrivalTrigger.Abandon, ArrivalState.Abandoned);

        _machine.Configure(ArrivalState.DocumentRead)
            .Permit(ArrivalTrigger.DocumentVerified, ArrivalState.DocumentVerified)
            .Permit(ArrivalTrigger.Refer, ArrivalState.Referred)
            .Permit(ArrivalTrigger.Abandon, ArrivalState.Abandoned);

        _machine.Configure(ArrivalState.DocumentVerified)
            .Permit(ArrivalTrigger.FaceVerified, ArrivalState.FaceVerified)
            .Permit(ArrivalTrigger.Refer, ArrivalState.Referred)
            .Permit(ArrivalTrigger.Abandon, ArrivalState.Abandoned);

        _machine.Configure(ArrivalState.FaceVerified)
            .Permit(ArrivalTrigger.DeclarationBound, ArrivalState.DeclarationBound)
            .Permit(ArrivalTrigger.Refer, ArrivalState.Referred)
            .Permit(ArrivalTrigger.Abandon, ArrivalState.Abandoned);

        // Only a bound declaration can be released: the assessment is the last step before the lane.
        _machine.Configure(ArrivalState.DeclarationBound)
            .Permit(ArrivalTrigger.Release, ArrivalState.Released)
            .Permit(ArrivalTrigger.Refer, ArrivalState.Referred)
            .Permit(ArrivalTrigger.Abandon, ArrivalState.Abandoned);

        _machine.Configure(ArrivalState.Released)
            .Permit(ArrivalTrigger.Close, ArrivalState.Closed);

        _machine.Configure(ArrivalState.Referred)
            .Permit(ArrivalTrigger.OfficerDecision, ArrivalState.Closed);

        _machine.OnTransitioned(t =>
        {
            _sequence++;
            _pending.Add(new SessionTransition(_sequence, t.Source, t.Destination, t.Trigger, _cause.Actor, _cause.At, _cause.Reasons));
        });
    }
}
