using System.Diagnostics;
using System.Diagnostics.Metrics;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Server.Features.Observability;

/// <summary>
/// This node's own numbers, as OpenTelemetry instruments (meter <see cref="MeterName"/>, scraped at /metrics) and, the
/// same values, as the supervisor dashboard's "this node" panel (<see cref="Snapshot"/>): sessions decided by lane,
/// hub call latency, kiosk connections, the tax-free confirmations waiting in the outbox. Database latency comes from
/// Npgsql's own meter, request latency from ASP.NET Core's. Nothing here names a passenger: lanes, hubs and methods only.
/// Every measurement carries the node's name (`node`), so several services in one process (the tests) stay apart.
/// </summary>
public sealed class ServiceMetrics : IDisposable
{
    public const string MeterName = "PassengerGate";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int CallSamples = 4096;

    private readonly Meter _meter;
    private readonly Counter<long> _decided;
    private readonly Histogram<double> _hubCalls;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly Queue<(long At, bool Green)> _recentDecisions = new();
    private readonly (long At, double Ms)[] _recentCalls = new (long, double)[CallSamples];
    private int _nextCall;
    private long _kioskConnections;
    private long _outboxBacklog = -1;
    private readonly KeyValuePair<string, object?> _node;

    public ServiceMetrics(IMeterFactory meters, IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(configuration);
        _clock = clock;
        Node = NodeName(configuration);
        _node = new("node", Node);
        _meter = meters.Create(MeterName);
        _decided = _meter.CreateCounter<long>("passengergate.sessions.decided", "{session}", "Arrival sessions given a lane (green: e-gate, red: officer).");
        _hubCalls = _meter.CreateHistogram<double>("passengergate.hub.call.duration", "s", "Duration of hub method calls, by hub, method and outcome.");
        _meter.CreateObservableUpDownCounter("passengergate.kiosk.connections", () => new Measurement<long>(Interlocked.Read(ref _kioskConnections), _node), "{connection}", "Kiosk hub connections open on this node.");
        _meter.CreateObservableGauge("passengergate.taxfree.outbox.backlog", ObserveBacklog, "{event}", "Tax-free confirmations decided but not yet delivered to the shops.");
    }

    /// <summary>Observability:Node, or the host name.</summary>
    public string Node { get; }

    public static string NodeName(IConfiguration configuration) =>
        configuration?["Observability:Node"] is { Length: > 0 } named ? named : Environment.MachineName;

    public void SessionDecided(bool green)
    {
        _decided.Add(1, _node, new KeyValuePair<string, object?>("lane", green ? "green" : "red"));
        lock (_gate)
        {
            _recentDecisions.Enqueue((_clock.GetTimestamp(), green));
            Trim();
        }
    }

    public void HubCall(string hub, string method, bool succeeded, TimeSpan elapsed)
    {
        _hubCalls.Record(elapsed.TotalSeconds, _node, new("hub", hub), new("method", method), new("outcome", succeeded ? "ok" : "error"));
        lock (_gate)
        {
            _recentCalls[_nextCall] = (_clock.GetTimestamp(), elapsed.TotalMilliseconds);
            _nextCall = (_nextCall + 1) % CallSamples;
        }
    }

    public void KioskConnected() => Interlocked.Increment(ref _kioskConnections);

    public void KioskDisconnected() => Interlocked.Decrement(ref _kioskConnections);

    public void OutboxBacklog(long waiting) => Interlocked.Exchange(ref _outboxBacklog, waiting);

    /// <summary>The last minute on this node, for the supervisor dashboard.</summary>
    public ServiceLoad Snapshot()
    {
        int green, red, calls;
        double? p99;
        lock (_gate)
        {
            Trim();
            green = _recentDecisions.Count(d => d.Green);
            red = _recentDecisions.Count - green;
            var since = _clock.GetTimestamp() - (long)(Window.TotalSeconds * _clock.TimestampFrequency);
            var recent = _recentCalls.Where(c => c.At != 0 && c.At >= since).Select(c => c.Ms).Order().ToArray();
            calls = recent.Length;
            p99 = recent.Length == 0 ? null : Math.Round(recent[Math.Min(recent.Length - 1, (int)Math.Ceiling(recent.Length * 0.99) - 1)], 1);
        }

        var backlog = Interlocked.Read(ref _outboxBacklog);
        return new ServiceLoad(Node, green, red, calls, p99, (int)Interlocked.Read(ref _kioskConnections), backlog < 0 ? null : backlog);
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var backlog = Interlocked.Read(ref _outboxBacklog);
        return backlog < 0 ? [] : [new Measurement<long>(backlog, _node)];
    }

    private void Trim()
    {
        var since = _clock.GetTimestamp() - (long)(Window.TotalSeconds * _clock.TimestampFrequency);
        while (_recentDecisions.Count > 0 && _recentDecisions.Peek().At < since)
        {
            _recentDecisions.Dequeue();
        }
    }
}
