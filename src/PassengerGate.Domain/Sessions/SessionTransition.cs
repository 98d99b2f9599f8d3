namespace PassengerGate.Domain.Sessions;

/// <summary>One step of a session's life, kept forever in the audit trail: who or what caused it, and why.</summary>
public sealed record SessionTransition(
    int Sequence,
    ArrivalState From,
    ArrivalState To,
    ArrivalTrigger Trigger,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<SessionReason> Reasons);
