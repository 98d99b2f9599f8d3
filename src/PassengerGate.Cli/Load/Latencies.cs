using System.Collections.Concurrent;
using HdrHistogram;

namespace PassengerGate.Cli.Load;

/// <summary>
/// Latency histograms (HdrHistogram, microseconds, 3 significant digits, up to 10 minutes) by name: one per hub
/// method, one for whole sessions, one for officer pushes. Recording is lock-free; only the steady phase records.
/// </summary>
public sealed class Latencies
{
    private const long Highest = 600_000_000;
    private readonly ConcurrentDictionary<string, LongConcurrentHistogram> _byName = new(StringComparer.Ordinal);

    private volatile bool _recording;

    /// <summary>True during the steady phase only.</summary>
    public bool Recording { get => _recording; set => _recording = value; }

    public void Record(string name, TimeSpan elapsed)
    {
        if (!Recording)
        {
            return;
        }

        var micros = Math.Clamp((long)(elapsed.Ticks / (TimeSpan.TicksPerMillisecond / 1000)), 1, Highest);
        _byName.GetOrAdd(name, _ => new LongConcurrentHistogram(1, Highest, 3)).RecordValue(micros);
    }

    public IReadOnlyDictionary<string, LongConcurrentHistogram> Snapshot() => new SortedDictionary<string, LongConcurrentHistogram>(_byName, StringComparer.Ordinal);

    public static LatencySummary Summarise(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
        return new LatencySummary(
            histogram.TotalCount,
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)),
            Ms(histogram.GetMaxValue()));
    }
}

/// <summary>Percentiles of one histogram in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P99, double P999, double Max);
