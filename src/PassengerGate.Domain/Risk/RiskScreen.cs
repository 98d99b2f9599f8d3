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

    /// <summary>
    /// The rules that can be judged as soon as the document is read, before any declaration: document and
    /// name-and-birth-date watchlists, lost/stolen documents, and what the advance passenger data alone settles.
    /// <paramref name="onManifests"/> are the APIS records of this document for the arrival day, on any flight.
    /// A rule that needs the declared flight or the declaration is left to <see cref="Evaluate"/> at the
    /// declaration step; the hits found here are kept and carried into whatever referral follows (decision 0008).
    /// </summary>
    public static RiskScreenResult EvaluateIdentity(
        TravellerIdentity traveller,
        IEnumerable<RiskRule> rules,
        IEnumerable<WatchlistEntry> watchlist,
        IReadOnlyList<AdvancePassengerRecord> onManifests,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(traveller);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(onManifests);
        var matches = WatchlistMatcher.Match(traveller, watchlist, asOf);
        var hits = new List<RiskHit>();
        var evaluated = new List<string>();
        foreach (var rule in rules)
        {
            if (!rule.IsInForce(asOf))
            {
                continue;
            }

            var condition = rule.Condition;
            (bool Fired, string? Detail)? result = condition.Kind switch
            {
                RiskRuleKind.DocumentOnWatchlist => Watchlisted(matches, WatchlistKind.Watchlist, WatchlistMatchKind.DocumentNumber),
                RiskRuleKind.NameOnWatchlist => Watchlisted(matches, WatchlistKind.Watchlist, WatchlistMatchKind.NameAndDateOfBirth),
                RiskRuleKind.DocumentLostOrStolen => Watchlisted(matches, WatchlistKind.LostStolen, WatchlistMatchKind.DocumentNumber),

                // On a manifest: the carrier's flight is known, so a nationality-on-flight rule can be judged now.
                RiskRuleKind.NationalityOnFlight when onManifests.Count > 0 =>
                    (onManifests.Any(r => condition.Flights.Contains(r.Flight, StringComparer.Ordinal))
                        && condition.Nationalities.Contains(traveller.Nationality, StringComparer.Ordinal), null),

                // A rule for every flight that wants a manifest record: no record on any flight of the day settles it.
                RiskRuleKind.NoApisRecord when condition.Flights.Count == 0 && condition.RequireManifest && onManifests.Count == 0 =>
                    (true, "no advance passenger record for this document on the arrival day"),
                _ => null,
            };
            if (result is not { } judged)
            {
                continue;
            }

            evaluated.Add(rule.Id);
            if (judged.Fired)
            {
                hits.Add(new RiskHit(rule.Id, rule.Reason, judged.Detail));
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
