namespace PassengerGate.KioskShell.Ui;

/// <summary>Whether a touch UI is attached; without one the kiosk runs simulated passengers (run mode).</summary>
public sealed class UiPresence
{
    private int _connections;

    public bool Attached => Volatile.Read(ref _connections) > 0;

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected() => Interlocked.Decrement(ref _connections);
}
