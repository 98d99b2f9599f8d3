namespace PassengerGate.Contracts.Officer;

/// <summary>The supervisor's view of the airport now: sessions per hour by lane (last 12 hours), the lane split
/// today, open referrals by reason, the queue and its waits, and the kiosk fleet.</summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    IReadOnlyList<HourCount> PerHour,
    int GreenToday,
    int RedToday,
    IReadOnlyList<ReasonCount> OpenReasons,
    int QueueOpen,
    int QueueUnclaimed,
    double? LongestWaitMinutes,
    double? MedianWaitMinutes,
    IReadOnlyList<KioskStatus> Kiosks);

public sealed record HourCount(DateTimeOffset Hour, int Green, int Red);

public sealed record ReasonCount(string Code, int Count);
