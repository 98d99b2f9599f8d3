using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>What the kiosk's screen shows now. Holds no image and no full document data.</summary>
public sealed record KioskScreen(
    string KioskId,
    string Link,
    string Step,
    SessionLane? Lane,
    IReadOnlyList<string> Reasons,
    string? Passenger,
    int Processed,
    int AwaitingReconciliation,
    DateTimeOffset UpdatedAt);
