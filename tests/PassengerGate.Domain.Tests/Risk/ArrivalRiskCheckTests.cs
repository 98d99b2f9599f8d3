using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class ArrivalRiskCheckTests
{
    private static readonly DateOnly Day = Travellers.Today;
    private static readonly SelectionSeed Seed = new("seed-test", Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), new DateOnly(2026, 11, 1), null);

    // The draw for this traveller, flight and day under Seed is 8217570685217311 / 2^53 = 0.9123336181212983, recomputed with OpenSSL 3.0:
    //   printf %s 'C01X00T47|DEU|NH110|2026-11-25' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
    //   = e98eb22cdf50fddb…; 0xe98eb22cdf50fddb >> 11 = 8217570685217311.

    private static readonly RiskContext Context = new()
    {
        Traveller = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12)),
        Flight = "NH110",
        ArrivalDate = Day,
        EmbarkationPoint = "FRA",
        Declaration = new DeclarationSummary(false, false),
    };

    private static readonly RiskRule Lost = new()
    {
        Id = "lost",
        Reason = "lost or stolen",
        Condition = new RiskCondition { Kind = RiskRuleKind.DocumentLostOrStolen },
        ValidFrom = new DateOnly(2026, 1, 1),
        Source = "test",
    };

    private static readonly GateChecks AllPassed = new()
    {
        DocumentVerified = true,
        FaceMatched = true,
        LivenessPassed = true,
        IsChipPassport = true,
        ChildBelowHeight = false,
    };

    [Fact]
    public void A_hit_and_a_draw_fill_the_gate_checks()
    {
        var inputs = new RiskInputs(new RiskRuleSet([Lost], 0.95), [Travellers.Document("C01X00T47")], [], Seed);

        var checks = ArrivalRiskCheck.Run(Context, inputs, Day).ApplyTo(AllPassed);

        // The list entry's own words and source stay out of the reason text, which the audit trail keeps for good (decision 0008).
        Assert.Equal(["lost: lost or stolen"], checks.RiskHits);
        Assert.True(checks.RandomlySelected);
    }

    [Fact]
    public void Without_rules_or_a_seed_the_checks_stay_unreported_and_the_lane_is_red()
    {
        var noRules = ArrivalRiskCheck.Run(Context, new RiskInputs(null, [], [], Seed), Day).ApplyTo(AllPassed);
        var noSeed = ArrivalRiskCheck.Run(Context, new RiskInputs(new RiskRuleSet([], 0.02), [], [], null), Day).ApplyTo(AllPassed);

        Assert.Null(noRules.RiskHits);
        Assert.Null(noSeed.RandomlySelected);
        Assert.Empty(noSeed.RiskHits!);
        // DOMAIN.md §1 "Never fail open": a check not reported is red.
        var decision = LaneDecision.For(noSeed, null);
        Assert.Equal(Lane.Red, decision.Lane);
        Assert.Contains(decision.Reasons, r => r.Text == "check not reported: randomlySelected");
    }

    [Fact]
    public void A_clean_traveller_not_drawn_adds_nothing()
    {
        var checks = ArrivalRiskCheck.Run(Context, new RiskInputs(new RiskRuleSet([Lost], 0.02), [], [], Seed), Day).ApplyTo(AllPassed);

        Assert.Empty(checks.RiskHits!);
        Assert.False(checks.RandomlySelected);
    }
}
