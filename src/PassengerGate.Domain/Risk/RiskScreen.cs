namespace PassengerGate.Domain.Risk;

/// <summary>
/// Runs the risk rules in force on one traveller (DOMAIN.md §1 "Lane decision": green only when no risk rule
/// fired). Pure: the caller loads the rules, the watchlist and the flight's APIS manifest and passes them in.
/// </summary>
public static class RiskScreen
{
    public static RiskScreenResult Evaluate(
        RiskContext ctx,
        IEnumerable<RiskRule> rules,
        IEnumerable<WatchlistEntry> watchlist,
        IEnumerable<AdvancePassengerRecord> apis,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(apis);
        var matches = WatchlistMatcher.Match(ctx.Traveller, watchlist, asOf);
        var manifest = apis.Where(r => string.Equals(r.Flight, ctx.Flight, StringComparison.Ordinal) && r.Date == ctx.ArrivalDate).ToList();
        var hits = new List<RiskHit>();
        var evaluated = new List<string>();
        foreach (var rule in rules)
        {
            if (!rule.IsInForce(asOf))
            {
                continue;
            }

            evaluated.Add(rule.Id);
            var (fired, detail) = Fires(rule.Condition, ctx, matches, manifest);
            if (fired)
            {
                hits.Add(new RiskHit(rule.Id, rule.Reason, detail));
            }
        }

        return new RiskScreenResult(hits, evaluated);
    }

    private static (bool Fired, string? Detail) Fires(RiskCondition condition, RiskContext ctx, IReadOnlyList<WatchlistMatch> matches, List<AdvancePassengerRecord> manifest)
    {
        switch (condition.Kind)
        {
            case RiskRuleKind.DeclaredNothingOnFlaggedRoute:
                var onRoute = condition.Flights.Contains(ctx.Flight, StringComparer.Ordinal)
                    || condition.EmbarkationPoints.Contains(ctx.EmbarkationPoint, StringComparer.Ordinal);
                return (onRoute && !ctx.Declaration.DeclaredAnything, null);
            case RiskRuleKind.NationalityOnFlight:
                return (condition.Flights.Contains(ctx.Flight, StringComparer.Ordinal)
                    && condition.Nationalities.Contains(ctx.Traveller.Nationality, StringComparer.Ordinal), null);
            case RiskRuleKind.NoApisRecord:
                if (condition.Flights.Count > 0 && !condition.Flights.Contains(ctx.Flight, StringComparer.Ordinal))
                {
                    return (false, null);
                }

                if (manifest.Count == 0)
                {
                    return (condition.RequireManifest, condition.RequireManifest ? "no manifest loaded for " + ctx.Flight : null);
                }

                var number = DocumentNumber.Normalise(ctx.Traveller.DocumentNumber);
                return (!manifest.Exists(r => string.Equals(r.DocumentNumber, number, StringComparison.Ordinal)), null);
            case RiskRuleKind.DocumentOnWatchlist:
                return Watchlisted(matches, WatchlistKind.Watchlist, WatchlistMatchKind.DocumentNumber);
            case RiskRuleKind.NameOnWatchlist:
                return Watchlisted(matches, WatchlistKind.Watchlist, WatchlistMatchKind.NameAndDateOfBirth);
            case RiskRuleKind.DocumentLostOrStolen:
                return Watchlisted(matches, WatchlistKind.LostStolen, WatchlistMatchKind.DocumentNumber);
            default:
                // A kind this build does not know cannot be judged: refer rather than pass (DOMAIN.md §1 "Never fail open").
                return (true, "unknown rule kind");
        }
    }

    private static (bool, string?) Watchlisted(IReadOnlyList<WatchlistMatch> matches, WatchlistKind kind, WatchlistMatchKind on)
    {
        var found = matches.Where(m => m.Entry.Kind == kind && m.MatchedOn == on).ToList();
        return found.Count == 0
            ? (false, null)
            : (true, string.Join("; ", found.Select(m => $"{m.Entry.Reason} [{m.Entry.Source}]")));
    }
}
