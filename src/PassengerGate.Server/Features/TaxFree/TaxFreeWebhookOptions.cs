using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>Configuration section <c>TaxFree:Webhooks</c> (docs/taxfree-webhooks.md).</summary>
public sealed class TaxFreeWebhookOptions
{
    public const string Section = "TaxFree:Webhooks";

    /// <summary>The delay after the first failed delivery; doubled per failure (with jitter) up to <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 10;

    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it (a decision wakes it at once).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Per delivery; a slower endpoint counts as a failure.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// How long a claimed delivery is not claimed again: longer than <see cref="TimeoutSeconds"/>, so a delivery is
    /// retried only after a crash cut it short, never while it is still in flight.
    /// </summary>
    public double LeaseSeconds { get; set; } = 60;

    public WebhookBackoff Backoff => new(TimeSpan.FromSeconds(FirstRetrySeconds), TimeSpan.FromSeconds(MaxRetrySeconds));
}
