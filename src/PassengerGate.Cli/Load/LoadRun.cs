using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Hardware.Simulators.Kiosk;

namespace PassengerGate.Cli.Load;

/// <summary>
/// The whole load run: connect the kiosks and consoles, run every kiosk's passengers through a warm-up (not recorded)
/// and then the steady phase (recorded), stop, and summarise. Sessions are counted only when they ran wholly inside
/// the steady phase, so the rate is not inflated by sessions begun during warm-up.
/// </summary>
public sealed class LoadRun(LoadOptions options, IReadOnlyList<string> kioskTokens, string? officerCookie, SimulatedPassports passports, DateOnly today, TimeProvider clock)
{
    /// <summary>Credentials of the kiosks held connected and silent for the whole run (`--idle`), opened before the active ones.</summary>
    public IReadOnlyList<string> IdleKioskTokens { get; init; } = [];

    /// <summary>The steady phase's histograms by name, once the run is over (for `--plot`).</summary>
    public IReadOnlyDictionary<string, HdrHistogram.LongConcurrentHistogram> Histograms { get; private set; } = new Dictionary<string, HdrHistogram.LongConcurrentHistogram>();

    public async Task<LoadReport> RunAsync(CancellationToken ct)
    {
        var connections = new LoadConnections(options);
        await using var idle = new LoadIdleKiosks(connections, IdleKioskTokens);
        var latencies = new Latencies();
        var tally = new LoadTally();
        var hubs = new List<HubConnection>();
        using var phone = connections.Http();
        try
        {
            var consoles = new List<LoadConsole>();
            for (var i = 0; i < options.Consoles; i++)
            {
                var connection = connections.Officer(officerCookie ?? throw new InvalidOperationException("consoles need a signed-in officer"));
                hubs.Add(connection);
                var console = new LoadConsole(connection, latencies, clock);
                await console.StartAsync(ct);
                consoles.Add(console);
            }

            var idleOpened = await idle.OpenAllAsync(ct);

            var kiosks = new List<LoadKiosk>();
            for (var i = 0; i < kioskTokens.Count; i++)
            {
                var connection = connections.Kiosk(kioskTokens[i]);
                hubs.Add(connection);
                await connection.StartAsync(ct);
                kiosks.Add(new LoadKiosk($"load-{i + 1:D4}", connection, phone, passports, tally, latencies, options, today, options.Seed + i));
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var running = kiosks.Select(k => Task.Run(() => k.RunAsync(stop.Token), CancellationToken.None)).ToList();
            await Task.Delay(options.Warmup, ct);

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var steady = Stopwatch.StartNew();
            latencies.Recording = true;
            await Task.Delay(options.Duration, ct);
            latencies.Recording = false;
            steady.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var idleAtEnd = idle.Summary(TimeSpan.FromSeconds(idleOpened.OpenSeconds));
            await stop.CancelAsync();
            await Task.WhenAll(running);

            var histograms = latencies.Snapshot();
            Histograms = histograms;
            var sessions = tally.Green + tally.Red;
            return new LoadReport(
                Protocol: options.Protocol == LoadProtocol.MessagePack ? "messagepack" : "json",
                Seed: options.Seed,
                Kiosks: kioskTokens.Count,
                Consoles: options.Consoles,
                WarmupSeconds: options.Warmup.TotalSeconds,
                DurationSeconds: Math.Round(steady.Elapsed.TotalSeconds, 3),
                Sessions: sessions,
                SessionsPerSecond: Math.Round(sessions / steady.Elapsed.TotalSeconds, 2),
                Lanes: new LaneCounts(tally.Green, tally.Red),
                Errors: tally.Errors,
                WarmupErrors: tally.WarmupErrors,
                ErrorSamples: tally.ErrorSamples,
                Calls: histograms.Where(h => h.Key != "session" && !h.Key.StartsWith("push ", StringComparison.Ordinal)).ToDictionary(h => h.Key, h => Latencies.Summarise(h.Value)),
                Session: histograms.TryGetValue("session", out var session) ? Latencies.Summarise(session) : null,
                Push: histograms.TryGetValue("push ReferralRaised", out var push) ? Latencies.Summarise(push) : null,
                PushesReceived: consoles.Sum(c => c.Received),
                GeneratorCpuCores: Math.Round(cpu.TotalSeconds / steady.Elapsed.TotalSeconds, 3),
                GeneratorCpuShare: Math.Round(cpu.TotalSeconds / steady.Elapsed.TotalSeconds / Environment.ProcessorCount, 3),
                ProcessorCount: Environment.ProcessorCount,
                Idle: idleAtEnd);
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }
}

/// <summary>What `pgate load` prints (as JSON, camelCase).</summary>
public sealed record LoadReport(
    string Protocol,
    int Seed,
    int Kiosks,
    int Consoles,
    double WarmupSeconds,
    double DurationSeconds,
    long Sessions,
    double SessionsPerSecond,
    LaneCounts Lanes,
    long Errors,
    long WarmupErrors,
    IReadOnlyList<string> ErrorSamples,
    IReadOnlyDictionary<string, LatencySummary> Calls,
    LatencySummary? Session,
    LatencySummary? Push,
    long PushesReceived,
    double GeneratorCpuCores,
    double GeneratorCpuShare,
    int ProcessorCount,
    IdleSummary Idle);

public sealed record LaneCounts(long Green, long Red);
