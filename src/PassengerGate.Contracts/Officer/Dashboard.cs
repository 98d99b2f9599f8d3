namespace PassengerGate.Contracts.Officer;

/// <summary>The supervisor's view of the airport now: sessions per hour by lane (last 12 hours), the lane split
/// today, open referrals by reason, the queue and its waits, the kiosk fleet, and the load on the service node that
/// answered (the numbers its /metrics endpoint exports).</summary>
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
    IReadOnlyList<KioskStatus> Kiosks,
    ServiceLoad? Service = null);

public sealed record HourCount(DateTimeOffset Hour, int Green, int Red);

public sealed record ReasonCount(string Code, int Count);

/// <summary>
/// One service node over the last minute: sessions it decided by lane, hub calls it answered and their 99th percentile
/// in milliseconds (null without calls), kiosk connections open on it, and tax-free confirmations waiting for delivery
/// (null until its dispatcher has looked).
/// </summary>
public sealed record ServiceLoad(string Node, int GreenLastMinute, int RedLastMinute, int HubCallsLastMinute, double? HubCallP99Ms, int KioskConnections, long? OutboxBacklog);
