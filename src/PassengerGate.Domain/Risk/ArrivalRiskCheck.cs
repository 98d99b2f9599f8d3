namespace PassengerGate.Domain.Risk;

/// <summary>
/// The risk and selection step of one arrival session: run the rules in force, then draw for random selection at
/// the rule set's rate with the seed in force, on the traveller's document, flight and arrival day (not the session). Pure; the caller loads <see cref="RiskInputs"/> and records the
/// outcome (rule ids, seed id and draw value) so an auditor can replay it.
/// </summary>
public static class ArrivalRiskCheck
{
    public static ArrivalRiskOutcome Run(RiskContext ctx, RiskInputs inputs, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.RuleSet is null)
        {
            return new ArrivalRiskOutcome(null, null);
        }

        var screen = RiskScreen.Evaluate(ctx, inputs.RuleSet.Rules, inputs.Watchlist, inputs.Manifest, asOf);
        var seed = inputs.Seed is { } s && s.Covers(asOf) ? s : null;
        var draw = seed is null ? null : new RandomSelection(inputs.RuleSet.RandomSelectionRate).Draw(seed, SelectionSubject.For(ctx));
        return new ArrivalRiskOutcome(screen, draw);
    }
}
