using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Service;

/// <summary>
/// The kiosk's one connection to the service: WebSockets, the kiosk credential as bearer token,
/// reconnecting forever. Calls wait for the link and are retried after a reconnect; every call
/// carries ids, so the service answers a repeat with what it recorded the first time.
/// </summary>
public sealed class ServiceLink : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ILogger<ServiceLink> _logger;
    private readonly KioskOptions _options;

    public ServiceLink(IOptions<KioskOptions> options, ILogger<ServiceLink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_options.ServiceUrl, HubPaths.Kiosk), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(_options.Credential);
                if (ServiceTrust.Callback(_options) is { } trust)
                {
                    o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = trust;
                    o.HttpMessageHandlerFactory = _ => ServiceTrust.Handler(_options);
                }

                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => ContractJson.Configure(o.PayloadSerializerOptions))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        _connection.Reconnecting += _ => { _logger.LogWarning("Link to the service lost; reconnecting"); return Task.CompletedTask; };
        _connection.Reconnected += _ =>
        {
            _logger.LogInformation("Link to the service restored");
            Connected?.Invoke(this, EventArgs.Empty);
            return Task.CompletedTask;
        };
        _connection.Closed += _ => Task.CompletedTask;
        _connection.On<string>(nameof(IKioskClient.TakeOutOfService), reason => Raise(new RemoteCommand(nameof(IKioskClient.TakeOutOfService), reason)));
        _connection.On(nameof(IKioskClient.ReturnToService), () => Raise(new RemoteCommand(nameof(IKioskClient.ReturnToService), null)));
        _connection.On(nameof(IKioskClient.ReloadRules), () => Raise(new RemoteCommand(nameof(IKioskClient.ReloadRules), null)));
    }

    /// <summary>A command pushed by the service (<see cref="IKioskClient"/>).</summary>
    public event EventHandler<RemoteCommand>? CommandReceived;

    /// <summary>Raised after each successful (re)connection.</summary>
    public event EventHandler? Connected;

    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>Set when the service refused the credential (unknown or revoked kiosk).</summary>
    public string? RefusedReason { get; private set; }

    /// <summary>Connects, retrying until it works or the credential is refused.</summary>
    public async Task ConnectAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && _connection.State == HubConnectionState.Disconnected)
        {
            try
            {
                await _connection.StartAsync(ct);
                RefusedReason = null;
                Connected?.Invoke(this, EventArgs.Empty);
                _logger.LogInformation("Connected to {ServiceUrl} as kiosk {KioskId}", _options.ServiceUrl, _options.Id);
                return;
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                RefusedReason = "The service refused this kiosk's credential (unknown or revoked).";
                _logger.LogError("Service refused kiosk {KioskId}: {Message}", _options.Id, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning("Service unreachable at {ServiceUrl}: {Message}", _options.ServiceUrl, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    /// <summary>
    /// The service's kiosk hub, typed (<see cref="KioskHubClient"/>): each call waits for the link and is retried across
    /// reconnects until <paramref name="deadline"/> passes, then throws <see cref="TimeoutException"/>.
    /// </summary>
    public IKioskHub Hub(TimeSpan deadline, CancellationToken ct) =>
        new KioskHubClient((method, type, args) => InvokeCoreAsync(method, type, args, deadline, ct));

    /// <summary>The service's kiosk settings (face threshold, languages, idle timeout).</summary>
    public Task<KioskSettings> GetSettingsAsync(TimeSpan deadline, CancellationToken ct) => Hub(deadline, ct).GetSettings();

    /// <summary>Yen and the currencies with a customs weekly rate today, for the declaration's currency picker (decision 0020).</summary>
    public Task<DeclarationCurrencies> GetDeclarationCurrenciesAsync(TimeSpan deadline, CancellationToken ct) =>
        Hub(deadline, ct).GetDeclarationCurrencies();

    private async Task<object?> InvokeCoreAsync(string method, Type returnType, object?[] args, TimeSpan deadline, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(deadline);
        while (true)
        {
            try
            {
                if (_connection.State == HubConnectionState.Disconnected)
                {
                    await ConnectAsync(timeout.Token);
                }

                if (_connection.State != HubConnectionState.Connected)
                {
                    await Task.Delay(200, timeout.Token);
                    continue;
                }

                return await _connection.InvokeCoreAsync(method, returnType, args, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The service did not answer {method} within {deadline.TotalSeconds:0} s.");
            }
            catch (HubException ex) when (!IsTransient(ex))
            {
                // The service refused the call itself (e.g. a session of another kiosk): retrying cannot help.
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The link dropped mid-call: wait for the reconnect and send the same call again.
                _logger.LogWarning("{Method} interrupted ({Message}); retrying", method, ex.Message);
                await Task.Delay(300, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task SendHeartbeatAsync(KioskHeartbeat heartbeat, CancellationToken ct)
    {
        if (IsConnected)
        {
            // Sent once, not retried: the next heartbeat says the same thing more recently.
            await new KioskHubClient((method, type, args) => _connection.InvokeCoreAsync(method, type, args, ct)).Heartbeat(heartbeat);
        }
    }

    private Task Raise(RemoteCommand command)
    {
        _logger.LogInformation("Service command {Command} ({Reason})", command.Name, command.Reason);
        CommandReceived?.Invoke(this, command);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>
    /// SignalR reports a server-side failure it did not expect (such as a call cut off by the
    /// service shutting down) with this generic message; the call is idempotent, so send it again.
    /// </summary>
    private static bool IsTransient(HubException ex) =>
        ex.Message.Contains("An unexpected error occurred invoking", StringComparison.Ordinal);

    private static bool IsRefusal(Exception ex) =>
        ex is HttpRequestException { StatusCode: System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden }
        || ex.Message.Contains("401", StringComparison.Ordinal) || ex.Message.Contains("403", StringComparison.Ordinal);

    private sealed class ForeverRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (retryContext.PreviousRetryCount + 1)));
    }
}
