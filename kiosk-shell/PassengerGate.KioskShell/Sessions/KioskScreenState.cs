using Microsoft.Extensions.Options;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>The current screen, shared by the worker (writer) and the local UI endpoint (reader).</summary>
public sealed class KioskScreenState(IOptions<KioskOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private KioskScreen _screen = new(options.Value.Id, "connecting", "Starting", null, [], null, 0, 0, clock.GetUtcNow());

    public KioskScreen Current
    {
        get
        {
            lock (_gate)
            {
                return _screen;
            }
        }
    }

    public void Update(Func<KioskScreen, KioskScreen> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _screen = change(_screen) with { UpdatedAt = clock.GetUtcNow() };
        }
    }
}
