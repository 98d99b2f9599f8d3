using HdrHistogram;
using ScottPlot;

namespace PassengerGate.Cli.Load;

/// <summary>
/// `pgate load --plot FILE.png`: HdrHistogram's percentile spectrum of the steady phase — latency (ms) against the
/// percentile on a log scale of 1/(1 − p), so the tail from 90 % to 99.99 % is as wide as the body — one line for whole
/// sessions, one for officer pushes and one per hub call, with the run's rate and settings in the title.
/// </summary>
public static class LoadPlot
{
    private const double Step = 0.02;

    private static readonly (double Position, string Label)[] Ticks =
        [(0, "0 %"), (Math.Log10(2), "50 %"), (1, "90 %"), (2, "99 %"), (3, "99.9 %"), (4, "99.99 %")];

    public static void Save(string path, IReadOnlyDictionary<string, LongConcurrentHistogram> histograms, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        ArgumentNullException.ThrowIfNull(report);
        using var plot = new Plot();
        foreach (var (name, histogram) in histograms.OrderBy(h => Order(h.Key)).ThenBy(h => h.Key, StringComparer.Ordinal))
        {
            if (histogram.TotalCount == 0)
            {
                continue;
            }

            var (xs, ys) = Spectrum(histogram);
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = name == "push ReferralRaised" ? "officer push (referral)" : name;
            line.LineWidth = name is "session" ? 3 : 1.5f;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Ticks.Select(t => t.Position).ToArray(), Ticks.Select(t => t.Label).ToArray());
        plot.Axes.SetLimitsX(0, 4.05);
        plot.Axes.SetLimitsY(0, histograms.Values.Where(h => h.TotalCount > 0).Select(h => h.GetMaxValue() / 1000.0).DefaultIfEmpty(1).Max() * 1.05);
        plot.Title($"pgate load: {report.Kiosks} kiosks, {report.Consoles} consoles, {report.Protocol}, {report.SessionsPerSecond} sessions/s over {report.DurationSeconds} s, {report.Errors} errors");
        plot.XLabel("percentile");
        plot.YLabel("latency (ms)");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1200, 700);
    }

    /// <summary>Points up to the percentile the sample count can tell apart (beyond it, every value is the maximum).</summary>
    public static (double[] X, double[] Y) Spectrum(HistogramBase histogram)
    {
        var last = Math.Min(4.0, Math.Log10(Math.Max(histogram.TotalCount, 1)));
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; Math.Round(i * Step, 6) <= last; i++)
        {
            var x = Math.Round(i * Step, 6);
            var percentile = 100.0 - (100.0 / Math.Pow(10, x));
            xs.Add(x);
            ys.Add(histogram.GetValueAtPercentile(percentile) / 1000.0);
        }

        return ([.. xs], [.. ys]);
    }

    private static int Order(string name) => name switch
    {
        "session" => 0,
        "push ReferralRaised" => 1,
        _ => 2,
    };
}
