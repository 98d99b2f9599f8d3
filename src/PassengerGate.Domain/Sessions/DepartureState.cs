namespace PassengerGate.Domain.Sessions;

/// <summary>Where a tax-free departure session stands (docs/diagrams/departure-session.mmd). Stored by name, so never rename a member.</summary>
public enum DepartureState
{
    /// <summary>The kiosk opened the session in its taxFree flow; nothing read yet.</summary>
    Opened,

    /// <summary>The MRZ was read and its check digits hold.</summary>
    DocumentRead,

    /// <summary>The chip's data passed passive (and, where offered, active) authentication on the service.</summary>
    DocumentVerified,

    /// <summary>The traveller's records were checked and the lane drawn; the kiosk shows them.</summary>
    RecordsChecked,

    /// <summary>Green: export confirmed for every confirmable record (results queued to the shops).</summary>
    ExportConfirmed,

    /// <summary>Red: the traveller shows the goods at the inspection desk; the records wait for the inspection.</summary>
    AwaitingInspection,

    /// <summary>A failure or a check that cannot be done at the kiosk: an officer takes over. Never green.</summary>
    Referred,

    /// <summary>The inspection or the officer finished the session.</summary>
    Closed,

    /// <summary>The traveller left or the session timed out before a lane: nothing confirmed.</summary>
    Abandoned,
}

public enum DepartureTrigger
{
    DocumentAccepted,
    DocumentVerified,
    RecordsChecked,
    ConfirmExport,
    SendToInspection,
    Refer,
    Abandon,
    Close,
}

/// <summary>One step of a departure session's life, persisted with the session.</summary>
public sealed record DepartureTransition(
    int Sequence,
    DepartureState From,
    DepartureState To,
    DepartureTrigger Trigger,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<SessionReason> Reasons);
