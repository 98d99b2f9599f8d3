using System.Collections;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Chooses which articles the other-goods allowance covers "in the traveller's favour" (domain-japan.md
/// §1.3 [S1][S2]): the subset whose overseas values fit in the allowance and that frees the most tax, an
/// exact 0/1 knapsack over the articles (dynamic programming over whole yen). Ties go to the subset that
/// frees more articles an officer would otherwise have to assess, then to declaration order.
/// </summary>
public static class FreeSubsetChooser
{
    /// <summary>Above this many item × capacity steps the choice is left to an officer instead of approximated.</summary>
    public const long MaxSteps = 50_000_000;

    /// <summary>Returns which articles are free, or null when the problem is too large to solve exactly here.</summary>
    public static bool[]? Choose(IReadOnlyList<long> values, IReadOnlyList<decimal> taxes, IReadOnlyList<bool> referredIfDutiable, long capacity)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(taxes);
        ArgumentNullException.ThrowIfNull(referredIfDutiable);
        var n = values.Count;
        var chosen = new bool[n];
        if (values.Sum() <= capacity)
        {
            Array.Fill(chosen, true);
            return chosen;
        }

        // Whole-yen values often share a factor (prices in thousands): dividing by it keeps the DP exact and small.
        var divisor = values.Aggregate(capacity, Gcd);
        var cap = capacity / divisor;
        if (n * (cap + 1) > MaxSteps)
        {
            return null;
        }

        var size = (int)cap + 1;
        var bestTax = new decimal[size];
        var bestReferred = new int[size];
        var keep = new BitArray[n];
        for (var j = 0; j < n; j++)
        {
            keep[j] = new BitArray(size);
            var v = (int)(values[j] / divisor);
            var r = referredIfDutiable[j] ? 1 : 0;
            for (var c = size - 1; c >= v; c--)
            {
                var tax = bestTax[c - v] + taxes[j];
                var referred = bestReferred[c - v] + r;
                if (tax > bestTax[c] || (tax == bestTax[c] && referred > bestReferred[c]))
                {
                    bestTax[c] = tax;
                    bestReferred[c] = referred;
                    keep[j][c] = true;
                }
            }
        }

        var left = size - 1;
        for (var j = n - 1; j >= 0; j--)
        {
            if (keep[j][left])
            {
                chosen[j] = true;
                left -= (int)(values[j] / divisor);
            }
        }

        return chosen;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Max(a, 1);
    }
}
