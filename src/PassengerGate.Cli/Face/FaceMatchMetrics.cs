namespace PassengerGate.Cli.Face;

/// <summary>
/// Verification error rates in the sense of ISO/IEC 19795-1: FNMR = genuine pairs rejected, FMR =
/// impostor pairs accepted, EER = where the two meet as the threshold moves. A pair whose image gave
/// no single face (score null) counts as rejected: at a gate, a failure to enrol sends the passenger
/// to an officer just as a non-match does.
/// </summary>
public sealed record FaceMatchMetrics(int Pairs, int Genuine, int Impostor, double Threshold, double? Fnmr, double? Fmr, double? Eer)
{
    public static FaceMatchMetrics Compute(IReadOnlyList<(bool Same, double? Score)> scores, double threshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var genuine = scores.Count(s => s.Same);
        var impostor = scores.Count - genuine;
        return new FaceMatchMetrics(
            scores.Count,
            genuine,
            impostor,
            threshold,
            FalseNonMatchRate(scores, threshold, genuine),
            FalseMatchRate(scores, threshold, impostor),
            EqualErrorRate(scores, genuine, impostor));
    }

    private static double? FalseNonMatchRate(IReadOnlyList<(bool Same, double? Score)> scores, double t, int genuine) =>
        genuine == 0 ? null : (double)scores.Count(s => s.Same && !(s.Score >= t)) / genuine;

    private static double? FalseMatchRate(IReadOnlyList<(bool Same, double? Score)> scores, double t, int impostor) =>
        impostor == 0 ? null : (double)scores.Count(s => !s.Same && s.Score >= t) / impostor;

    private static double? EqualErrorRate(IReadOnlyList<(bool Same, double? Score)> scores, int genuine, int impostor)
    {
        if (genuine == 0 || impostor == 0)
        {
            return null;
        }

        // Try a threshold at every score and halfway between neighbours, plus one above all of them.
        var sorted = scores.Where(s => s.Score.HasValue).Select(s => s.Score!.Value).Distinct().Order().ToList();
        var candidates = new List<double>(sorted);
        for (var i = 1; i < sorted.Count; i++)
        {
            candidates.Add((sorted[i - 1] + sorted[i]) / 2);
        }

        candidates.Add(sorted.Count == 0 ? 1 : sorted[^1] + 1);
        var best = (Gap: double.MaxValue, Rate: 1.0);
        foreach (var t in candidates)
        {
            var fnmr = FalseNonMatchRate(scores, t, genuine)!.Value;
            var fmr = FalseMatchRate(scores, t, impostor)!.Value;
            var gap = Math.Abs(fnmr - fmr);
            if (gap < best.Gap || (gap == best.Gap && (fnmr + fmr) / 2 < best.Rate))
            {
                best = (gap, (fnmr + fmr) / 2);
            }
        }

        return best.Rate;
    }
}
