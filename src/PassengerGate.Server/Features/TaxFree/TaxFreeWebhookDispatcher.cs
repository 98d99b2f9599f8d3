using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.Observability;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Delivers the outbox (migration 0121) to each shop's webhook URL, signed (<see cref="WebhookSignature"/>), until the
/// shop's endpoint answers 2xx; failures are retried with capped, jittered exponential backoff from the persisted
/// next-attempt time, so a restarted service resumes where the last one stopped (docs/taxfree-webhooks.md).
/// Delivery is at least once: a receiver de-duplicates by the event id.
/// </summary>
public sealed partial class TaxFreeWebhookDispatcher(
    TaxFreeOutboxStore outbox,
    TaxFreeWebhookSignal signal,
    ServiceMetrics metrics,
    TimeProvider clock,
    IOptions<TaxFreeWebhookOptions> options,
    ILogger<TaxFreeWebhookDispatcher> log) : BackgroundService
{
    private const int Batch = 20;

    private readonly TaxFreeWebhookOptions _options = options.Value;

    // Redirects are not followed: the shop registered this URL, and a signed result goes there or nowhere.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(_options.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverDueAsync(stoppingToken);
                metrics.OutboxBacklog(await outbox.CountUndeliveredAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is away: the rows wait in it, and the next round picks them up.
                LogRoundFailed(log, e);
            }

            if (claimed < Batch)
            {
                try
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims what is due and tries each; returns how many it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, now.AddSeconds(_options.LeaseSeconds), Batch, ct);
        foreach (var delivery in due)
        {
            await DeliverAsync(delivery, ct);
        }

        return due.Count;
    }

    private async Task DeliverAsync(TaxFreeOutboxStore.Claimed d, CancellationToken ct)
    {
        if (d.WebhookUrl is null)
        {
            await FailedAsync(d, null, "the shop has no webhook URL (pgate shop add --webhook)", ct);
            return;
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, d.WebhookUrl)
        {
            Content = new StringContent(d.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TaxFreeWebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(TaxFreeWebhookHeaders.Signature, WebhookSignature.Sign(WebhookSignature.SecretText(d.WebhookSecret), timestamp, d.Body));
        request.Headers.Add(TaxFreeWebhookHeaders.EventId, d.EventId.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PassengerGate-Webhook", "1"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await outbox.MarkDeliveredAsync(d.EventId, clock.GetUtcNow(), status, ct);
                LogDelivered(log, d.EventId, d.ShopId, d.Attempts + 1);
                return;
            }

            await FailedAsync(d, status, "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await FailedAsync(d, null, "no answer within " + _options.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s", ct);
        }
        catch (HttpRequestException e)
        {
            await FailedAsync(d, null, e.HttpRequestError.ToString(), ct);
        }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException or NotSupportedException)
        {
            // A URL the client cannot use: this event waits (visible on GET /records/{id}) and the others go on.
            await FailedAsync(d, null, "unusable webhook URL: " + e.GetType().Name, ct);
        }
    }

    private async Task FailedAsync(TaxFreeOutboxStore.Claimed d, int? status, string error, CancellationToken ct)
    {
        // Random.Shared is for spreading retries only, not for anything a traveller's lane depends on.
#pragma warning disable CA5394
        var delay = _options.Backoff.DelayAfter(d.Attempts + 1, Random.Shared.NextDouble());
#pragma warning restore CA5394
        var next = clock.GetUtcNow() + delay;
        await outbox.MarkFailedAsync(d.EventId, next, status, error, ct);
        LogFailed(log, d.EventId, d.ShopId, d.Attempts + 1, error, next);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} delivered to shop {ShopId} at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, Guid eventId, string shopId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} to shop {ShopId} failed at attempt {Attempt} ({Error}); next at {Next}")]
    private static partial void LogFailed(ILogger logger, Guid eventId, string shopId, int attempt, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatch round failed; retrying at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
