using Stateless;
using Stateless.Graph;

namespace PassengerGate.Domain.Sessions;

/// <summary>
/// One departing traveller's tax-free export check at a kiosk (issue 12 point 5), built like <see cref="ArrivalSession"/>:
/// the Stateless machine inside, the state held outside it so the session is rebuilt from its row, every step appended to
/// <see cref="PendingTransitions"/> for the store. Passport (MRZ, then chip verified on the service) → the traveller's
/// records checked and the lane drawn → green (export confirmed) or red (inspection). Fail-safe: from every live state
/// the session can be referred to an officer, and export is confirmed only from <see cref="DepartureState.RecordsChecked"/>
/// on a green lane, never by abandoning or failing.
/// </summary>
public sealed class DepartureSession
{
    private readonly StateMachine<DepartureState, DepartureTrigger> _machine;
    private readonly List<DepartureTransition> _pending = [];
    private int _sequence;
    private (string Actor, DateTimeOffset At, IReadOnlyList<SessionReason> Reasons) _cause;

    private DepartureSession(Guid id, string kioskId, DepartureState state, int sequence)
    {
        Id = id;
        KioskId = kioskId;
        State = state;
        _sequence = sequence;
        _machine = new StateMachine<DepartureState, DepartureTrigger>(() => State, s => State = s);
        Configure();
    }

    public Guid Id { get; }

    public string KioskId { get; }

    public DepartureState State { get; private set; }

    public int Sequence => _sequence;

    /// <summary>"green", "red" or null while undecided; a referral is red.</summary>
    public string? Lane => State switch
    {
        DepartureState.ExportConfirmed => "green",
        DepartureState.AwaitingInspection or DepartureState.Referred => "red",
        _ => null,
    };

    public IReadOnlyList<DepartureTransition> PendingTransitions => _pending;

    public bool IsDecided => State is DepartureState.ExportConfirmed or DepartureState.AwaitingInspection
        or DepartureState.Referred or DepartureState.Closed or DepartureState.Abandoned;

    public static DepartureSession Open(Guid id, string kioskId) => new(id, kioskId, DepartureState.Opened, 0);

    public static DepartureSession Restore(Guid id, string kioskId, DepartureState state, int sequence) => new(id, kioskId, state, sequence);

    public void AcceptDocument(string actor, DateTimeOffset at) => Fire(DepartureTrigger.DocumentAccepted, actor, at, []);

    public void VerifyDocument(string actor, DateTimeOffset at) => Fire(DepartureTrigger.DocumentVerified, actor, at, []);

    /// <summary>The records were checked at <paramref name="at"/> (Japan-time 90-day rule) and the lane drawn.</summary>
    public void CheckRecords(string actor, DateTimeOffset at) => Fire(DepartureTrigger.RecordsChecked, actor, at, []);

    /// <summary>Green: the traveller ends the session and export is confirmed for every confirmable record.</summary>
    public void ConfirmExport(string actor, DateTimeOffset at) => Fire(DepartureTrigger.ConfirmExport, actor, at, []);

    /// <summary>Red: the records wait for the inspection; the reasons are the lane's.</summary>
    public void SendToInspection(string actor, DateTimeOffset at, IReadOnlyList<SessionReason> reasons) => Fire(DepartureTrigger.SendToInspection, actor, at, reasons);

    public void Refer(IReadOnlyList<SessionReason> reasons, string actor, DateTimeOffset at) => Fire(DepartureTrigger.Refer, actor, at, reasons);

    public void Abandon(string actor, DateTimeOffset at, SessionReason reason) => Fire(DepartureTrigger.Abandon, actor, at, [reason]);

    /// <summary>The inspection (red) or the officer (referred) finished.</summary>
    public void Close(string actor, DateTimeOffset at) => Fire(DepartureTrigger.Close, actor, at, []);

    public bool CanFire(DepartureTrigger trigger) => _machine.CanFire(trigger);

    public void MarkPersisted() => _pending.Clear();

    /// <summary>The machine as a Mermaid state diagram, generated from the configuration (docs/diagrams/departure-session.mmd).</summary>
    public static string ToMermaidGraph() => MermaidGraph.Format(Open(Guid.Empty, "diagram")._machine.GetInfo());

    private void Fire(DepartureTrigger trigger, string actor, DateTimeOffset at, IReadOnlyList<SessionReason> reasons)
    {
        _cause = (actor, at, reasons);
        _machine.Fire(trigger);
    }

    private void Configure()
    {
        _machine.Configure(DepartureState.Opened)
            .Permit(DepartureTrigger.DocumentAccepted, DepartureState.DocumentRead)
            .Permit(DepartureTrigger.Refer, DepartureState.Referred)
            .Permit(DepartureTrigger.Abandon, DepartureState.Abandoned);

        _machine.Configure(DepartureState.DocumentRead)
            .Permit(DepartureTrigger.DocumentVerified, DepartureState.DocumentVerified)
            .Permit(DepartureTrigger.Refer, DepartureState.Referred)
            .Permit(DepartureTrigger.Abandon, DepartureState.Abandoned);

        _machine.Configure(DepartureState.DocumentVerified)
            .Permit(DepartureTrigger.RecordsChecked, DepartureState.RecordsChecked)
            .Permit(DepartureTrigger.Refer, DepartureState.Referred)
            .Permit(DepartureTrigger.Abandon, DepartureState.Abandoned);

        // The lane is drawn with the check; the traveller has seen the records before the session ends either way.
        _machine.Configure(DepartureState.RecordsChecked)
            .Permit(DepartureTrigger.ConfirmExport, DepartureState.ExportConfirmed)
            .Permit(DepartureTrigger.SendToInspection, DepartureState.AwaitingInspection)
            .Permit(DepartureTrigger.Refer, DepartureState.Referred)
            .Permit(DepartureTrigger.Abandon, DepartureState.Abandoned);

        _machine.Configure(DepartureState.AwaitingInspection)
            .Permit(DepartureTrigger.Close, DepartureState.Closed);

        _machine.Configure(DepartureState.Referred)
            .Permit(DepartureTrigger.Close, DepartureState.Closed);

        _machine.OnTransitioned(t =>
        {
            _sequence++;
            _pending.Add(new DepartureTransition(_sequence, t.Source, t.Destination, t.Trigger, _cause.Actor, _cause.At, _cause.Reasons));
        });
    }
}
