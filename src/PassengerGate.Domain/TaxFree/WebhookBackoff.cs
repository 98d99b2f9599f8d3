namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// When to try a failed webhook delivery again: exponential (first delay × 2^(attempt−1)), capped, with "equal jitter"
/// (half the delay fixed, half random; https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/) so
/// deliveries that failed together do not all come back together. Deliveries are retried for good: a confirmation
/// must never be lost, and the shop sees the backlog through GET /api/taxfree/records/{id}.
/// </summary>
public sealed record WebhookBackoff(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static readonly WebhookBackoff Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));

    /// <param name="failedAttempts">Deliveries tried so far, at least 1.</param>
    /// <param name="jitter">A uniform draw in [0, 1).</param>
    public TimeSpan DelayAfter(int failedAttempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        // 2^30 × any sensible first delay is far past the cap already; the exponent is bounded so it cannot overflow.
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * jitter));
    }
}
