using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace PassengerGate.Cli.Load;

/// <summary>
/// Kiosk connections that stay open and silent for the whole run, as a terminal's idle kiosks do between passengers:
/// each authenticated with its own credential, kept alive by SignalR's keep-alive pings only. Issue 13 asks that
/// 10,000 of them cost the service at most 100 KB each while the sessions still hold. Opened a few at a time so the
/// service's TLS handshakes do not starve the active kiosks; a connection that closes before the end counts as dropped.
/// </summary>
public sealed class LoadIdleKiosks(LoadConnections connections, IReadOnlyList<string> tokens) : IAsyncDisposable
{
    private const int OpeningAtOnce = 32;
    private readonly List<HubConnection> _open = [];
    private int _failed;
    private int _dropped;
    private bool _stopping;

    public async Task<IdleSummary> OpenAllAsync(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(OpeningAtOnce);
        var opening = tokens.Select(async token =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var connection = connections.Kiosk(token);
                connection.Closed += _ =>
                {
                    if (!Volatile.Read(ref _stopping))
                    {
                        Interlocked.Increment(ref _dropped);
                    }

                    return Task.CompletedTask;
                };
                lock (_open)
                {
                    _open.Add(connection);
                }

                await connection.StartAsync(ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException or IOException or TimeoutException)
            {
                Interlocked.Increment(ref _failed);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(opening);
        return Summary(started.Elapsed);
    }

    /// <summary>How many are connected now, and how many failed to open or dropped so far.</summary>
    public IdleSummary Summary(TimeSpan openedIn)
    {
        int connected;
        lock (_open)
        {
            connected = _open.Count(c => c.State == HubConnectionState.Connected);
        }

        return new IdleSummary(tokens.Count, connected, Volatile.Read(ref _failed), Volatile.Read(ref _dropped), Math.Round(openedIn.TotalSeconds, 3));
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _stopping, true);
        List<HubConnection> open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var batch in open.Chunk(256))
        {
            await Task.WhenAll(batch.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}

/// <summary>The idle kiosks of a run: asked for, connected at the end of the steady phase, failed to open, dropped during the run.</summary>
public sealed record IdleSummary(int Requested, int Connected, int Failed, int Dropped, double OpenSeconds);
