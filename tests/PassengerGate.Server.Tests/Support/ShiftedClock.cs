namespace PassengerGate.Server.Tests.Support;

/// <summary>
/// The real clock moved to another time of day: wall-clock time starts at the chosen instant and runs on, while
/// timestamps and timers stay the system's. A frozen FakeTimeProvider given to the whole service would also drive
/// SignalR's keep-alive and client timeouts, which then close the kiosk's connection when the clock is moved.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _offset = start - System.GetUtcNow();

    public void Set(DateTimeOffset instant) => _offset = instant - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
