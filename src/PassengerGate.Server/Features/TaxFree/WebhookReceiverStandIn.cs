using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// A shop's webhook endpoint stand-in, for tests and the run mode (`PassengerGate.Server webhook-receiver --urls URL
/// --secret HEX [--fail-first N]`): verifies each delivery's signature as docs/taxfree-webhooks.md tells a shop to
/// (401 when it does not hold), answers 500 to the first N deliveries of each event, then accepts each event id once
/// and answers a repeat 200 without counting it again, as a de-duplicating receiver does. GET / lists what it took.
/// </summary>
public sealed class WebhookReceiverStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _secret;
    private readonly int _failFirst;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<Received> _log = new();
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentDictionary<Guid, TaxFreeConfirmationEvent> _accepted = new();

    public enum Outcome
    {
        Accepted,
        Duplicate,
        FailedOnPurpose,
        BadSignature,
        BadBody,
    }

    /// <summary>One request as the stand-in saw it.</summary>
    public sealed record Received(Guid? EventId, Outcome Outcome, WebhookVerification Verification, int Status);

    private WebhookReceiverStandIn(WebApplication app, string secret, int failFirst, TimeProvider clock)
    {
        _app = app;
        _secret = secret;
        _failFirst = failFirst;
        _clock = clock;
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<Received> Requests => [.. _log];

    /// <summary>Events accepted, each once, by event id.</summary>
    public IReadOnlyDictionary<Guid, TaxFreeConfirmationEvent> Accepted => _accepted;

    /// <param name="url">Where to listen, e.g. http://127.0.0.1:0 for a free loopback port.</param>
    /// <param name="secretText">The shop's webhook secret as `pgate shop add` printed it.</param>
    public static async Task<WebhookReceiverStandIn> StartAsync(string url, string secretText, int failFirst, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failFirst);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiverStandIn(app, secretText, failFirst, clock);
        app.MapPost("/", receiver.ReceiveAsync);
        app.MapGet("/", () => Results.Json(receiver._accepted.Values.OrderBy(e => e.DecidedAt).ThenBy(e => e.RecordId, StringComparer.Ordinal), DecideTaxFreeRecords.Json));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Address = new Uri(address + "/");
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var verification = WebhookSignature.Verify(
            _secret,
            request.Headers[TaxFreeWebhookHeaders.Timestamp].FirstOrDefault(),
            request.Headers[TaxFreeWebhookHeaders.Signature].FirstOrDefault(),
            body,
            _clock.GetUtcNow(),
            WebhookSignature.DefaultTolerance);
        if (verification != WebhookVerification.Valid)
        {
            return Answer(null, Outcome.BadSignature, verification, StatusCodes.Status401Unauthorized);
        }

        TaxFreeConfirmationEvent? received;
        try
        {
            received = JsonSerializer.Deserialize<TaxFreeConfirmationEvent>(body, DecideTaxFreeRecords.Json);
        }
        catch (JsonException)
        {
            received = null;
        }

        if (received is null)
        {
            return Answer(null, Outcome.BadBody, verification, StatusCodes.Status400BadRequest);
        }

        var attempt = _attempts.AddOrUpdate(received.EventId, 1, (_, n) => n + 1);
        if (attempt <= _failFirst)
        {
            return Answer(received.EventId, Outcome.FailedOnPurpose, verification, StatusCodes.Status500InternalServerError);
        }

        return _accepted.TryAdd(received.EventId, received)
            ? Answer(received.EventId, Outcome.Accepted, verification, StatusCodes.Status200OK)
            : Answer(received.EventId, Outcome.Duplicate, verification, StatusCodes.Status200OK);
    }

    private IResult Answer(Guid? eventId, Outcome outcome, WebhookVerification verification, int status)
    {
        _log.Enqueue(new Received(eventId, outcome, verification, status));
        return Results.StatusCode(status);
    }

    /// <summary>Run mode: serves until the process is stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var url = Option("--urls") ?? "http://127.0.0.1:5090";
        var secret = Option("--secret") ?? Environment.GetEnvironmentVariable("PASSENGERGATE_WEBHOOK_SECRET");
        var failFirst = int.TryParse(Option("--fail-first") ?? "0", System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (string.IsNullOrEmpty(secret) || failFirst < 0)
        {
            await Console.Error.WriteLineAsync("usage: PassengerGate.Server webhook-receiver --secret HEX [--urls URL] [--fail-first N]");
            return 2;
        }

        await using var receiver = await StartAsync(url, secret, failFirst, TimeProvider.System);
        await Console.Out.WriteLineAsync("webhook receiver stand-in listening on " + receiver.Address);
        await receiver._app.WaitForShutdownAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
