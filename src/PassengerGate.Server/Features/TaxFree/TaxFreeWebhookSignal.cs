namespace PassengerGate.Server.Features.TaxFree;

/// <summary>Wakes the dispatcher when a decision has queued an event, so a shop hears at once rather than at the next poll.</summary>
public sealed class TaxFreeWebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every event queued before the dispatcher looks.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _queued.WaitAsync(timeout, ct);

    public void Dispose() => _queued.Dispose();
}
