using System.Globalization;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// The structuring screen (issue 11 point 4; docs/currency-rules.md "Structuring screen"): pure functions over
/// assessed declarations that raise red flags for staff. A flag is evidence to look at, never a decision.
/// </summary>
public static class StructuringScreen
{
    public static IReadOnlyList<StructuringFlag> Screen(IReadOnlyList<ScreenedDeclaration> declarations, StructuringOptions options)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(options);
        return [.. GroupsNearThreshold(declarations, options), .. RepeatedDeclarations(declarations, options), .. SplitAcrossParts(declarations, options)];
    }

    /// <summary>Under the threshold by no more than the margin (a declaration already over it is not hiding).</summary>
    public static bool IsNearThreshold(CurrencyAssessment assessment, StructuringOptions options)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(options);
        var floor = assessment.Threshold.Value * (1m - (options.NearThresholdMarginPercent / 100m));
        return !assessment.Threshold.IsMetBy(assessment.Total) && assessment.Total >= floor;
    }

    public static IEnumerable<StructuringFlag> GroupsNearThreshold(IReadOnlyList<ScreenedDeclaration> declarations, StructuringOptions options)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(options);
        var near = declarations.Where(d => IsNearThreshold(d.Assessment, options)).ToList();
        var groups = near.Where(d => d.Declaration.BookingReference is not null)
            .GroupBy(d => "booking " + d.Declaration.BookingReference)
            .Concat(near.Where(d => d.Declaration.Flight is not null)
                .GroupBy(d => string.Create(CultureInfo.InvariantCulture, $"flight {d.Declaration.Flight} on {d.Declaration.DeclarationDate:yyyy-MM-dd}")));
        foreach (var group in groups)
        {
            var travellers = group.Select(d => TravellerKey(d.Declaration)).Distinct(StringComparer.Ordinal).Count();
            if (travellers >= options.MinimumTravellersInGroup)
            {
                var first = group.First().Assessment;
                yield return new StructuringFlag(
                    StructuringPattern.GroupNearThreshold,
                    group.Key,
                    [.. group.Select(d => d.Id)],
                    string.Create(CultureInfo.InvariantCulture, $"{travellers} travellers on {group.Key} each carry within {options.NearThresholdMarginPercent:0.##} % under the threshold ({first.Threshold.Describe(first.ReportingCurrency.Value)}): {string.Join(", ", group.Select(d => $"{d.Id} {d.Assessment.Total:#,0.##} {d.Assessment.ReportingCurrency}"))}"));
            }
        }
    }

    public static IEnumerable<StructuringFlag> RepeatedDeclarations(IReadOnlyList<ScreenedDeclaration> declarations, StructuringOptions options)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var traveller in declarations.GroupBy(d => TravellerKey(d.Declaration), StringComparer.Ordinal))
        {
            var ordered = traveller.OrderBy(d => d.Declaration.DeclarationDate).ToList();

            // The largest run inside any window that starts at one of the declarations; one flag per traveller.
            List<ScreenedDeclaration>? best = null;
            for (var i = 0; i < ordered.Count; i++)
            {
                var end = ordered[i].Declaration.DeclarationDate.AddDays(options.RepeatWindowDays - 1);
                var run = ordered.Skip(i).TakeWhile(d => d.Declaration.DeclarationDate <= end).ToList();
                if (run.Count >= options.MinimumRepeatDeclarations && run.Count > (best?.Count ?? 0))
                {
                    best = run;
                }
            }

            if (best is not null)
            {
                yield return new StructuringFlag(
                    StructuringPattern.RepeatedDeclarations,
                    "traveller " + traveller.Key,
                    [.. best.Select(d => d.Id)],
                    string.Create(CultureInfo.InvariantCulture, $"{best.Count} declarations by one traveller from {best[0].Declaration.DeclarationDate:yyyy-MM-dd} to {best[^1].Declaration.DeclarationDate:yyyy-MM-dd} (window {options.RepeatWindowDays} days)"));
            }
        }
    }

    public static IEnumerable<StructuringFlag> SplitAcrossParts(IReadOnlyList<ScreenedDeclaration> declarations, StructuringOptions options)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var d in declarations.Where(d => IsNearThreshold(d.Assessment, options)))
        {
            var parts = d.Assessment.Instruments.Where(i => i.Counted is not null).ToList();
            var currencies = parts.Select(i => i.Counted!.Value.Currency).Distinct().Count();
            var kinds = parts.Select(i => i.Kind).Distinct().Count();
            if (Math.Max(currencies, kinds) >= options.MinimumSplitParts)
            {
                yield return new StructuringFlag(
                    StructuringPattern.SplitAcrossCurrenciesOrInstruments,
                    "declaration " + d.Id,
                    [d.Id],
                    string.Create(CultureInfo.InvariantCulture, $"{d.Assessment.Total:#,0.##} {d.Assessment.ReportingCurrency}, within {options.NearThresholdMarginPercent:0.##} % under the threshold, is made of {currencies} currencies and {kinds} kinds of instrument"));
            }
        }
    }

    /// <summary>A traveller is their document (nationality and number); a name only when no document is given.</summary>
    private static string TravellerKey(CurrencyDeclaration declaration) =>
        declaration.Bearer.DocumentNumber is { } number
            ? $"{declaration.Bearer.Nationality}/{number}"
            : "name:" + declaration.Bearer.Name.ToUpperInvariant();
}
