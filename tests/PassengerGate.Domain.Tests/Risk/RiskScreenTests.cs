using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class RiskScreenTests
{
    private static readonly DateOnly Day = Travellers.Today;

    private static readonly RiskRule FlaggedRoute = Rule("flagged-route", new RiskCondition
    {
        Kind = RiskRuleKind.DeclaredNothingOnFlaggedRoute,
        Flights = ["ZZ1"],
    });

    private static RiskRule Rule(string id, RiskCondition condition) => new()
    {
        Id = id,
        Reason = id + " reason",
        Condition = condition,
        ValidFrom = new DateOnly(2026, 1, 1),
        Source = "test",
    };

    private static RiskContext Context(bool declaredAnything, string flight = "ZZ1", string number = "C01X00T47", string nationality = "DEU") => new()
    {
        Traveller = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12), number: number, nationality: nationality),
        Flight = flight,
        ArrivalDate = Day,
        EmbarkationPoint = "FRA",
        Declaration = new DeclarationSummary(declaredAnything, GoodsOverAllowance: false),
    };

    [Fact]
    public void The_flagged_route_rule_fires_for_a_traveller_who_declared_nothing()
    {
        var result = RiskScreen.Evaluate(Context(declaredAnything: false), [FlaggedRoute], [], [], Day);

        var hit = Assert.Single(result.Hits);
        Assert.Equal("flagged-route", hit.RuleId);
        Assert.Equal(["flagged-route: flagged-route reason"], result.HitNames);
    }

    [Fact]
    public void The_flagged_route_rule_does_not_fire_for_a_traveller_who_declared_something()
    {
        Assert.Empty(RiskScreen.Evaluate(Context(declaredAnything: true), [FlaggedRoute], [], [], Day).Hits);
    }

    [Fact]
    public void The_flagged_route_rule_does_not_fire_on_another_flight()
    {
        Assert.Empty(RiskScreen.Evaluate(Context(declaredAnything: false, flight: "NH110"), [FlaggedRoute], [], [], Day).Hits);
    }

    [Fact]
    public void A_disabled_or_expired_rule_is_not_evaluated()
    {
        var rules = new[] { FlaggedRoute with { Enabled = false }, FlaggedRoute with { Id = "old", ValidTo = Day.AddDays(-1) } };

        var result = RiskScreen.Evaluate(Context(declaredAnything: false), rules, [], [], Day);

        Assert.Empty(result.Hits);
        Assert.Empty(result.RulesEvaluated);
    }

    [Fact]
    public void A_lost_or_stolen_document_fires_its_rule_with_the_list_reason()
    {
        var rule = Rule("lost", new RiskCondition { Kind = RiskRuleKind.DocumentLostOrStolen });
        var watch = Rule("watch-doc", new RiskCondition { Kind = RiskRuleKind.DocumentOnWatchlist });

        var result = RiskScreen.Evaluate(Context(false, flight: "NH110"), [rule, watch], [Travellers.Document("C01X00T47")], [], Day);

        var hit = Assert.Single(result.Hits);
        Assert.Equal("lost", hit.RuleId);
        Assert.Equal("reported stolen [test SLTD extract]", hit.Detail);
    }

    [Fact]
    public void A_name_on_the_watchlist_fires_the_name_rule_only()
    {
        var byName = Rule("watch-name", new RiskCondition { Kind = RiskRuleKind.NameOnWatchlist });
        var byDocument = Rule("watch-doc", new RiskCondition { Kind = RiskRuleKind.DocumentOnWatchlist });
        var entry = Travellers.Person("Mustermann", "Erika", new DateOnly(1964, 8, 12));

        var result = RiskScreen.Evaluate(Context(true, flight: "NH110"), [byName, byDocument], [entry], [], Day);

        Assert.Equal("watch-name", Assert.Single(result.Hits).RuleId);
    }

    [Fact]
    public void Nationality_on_flight_needs_both_to_agree()
    {
        var rule = Rule("nat", new RiskCondition { Kind = RiskRuleKind.NationalityOnFlight, Flights = ["ZZ1"], Nationalities = ["UTO"] });

        Assert.Single(RiskScreen.Evaluate(Context(true, nationality: "UTO"), [rule], [], [], Day).Hits);
        Assert.Empty(RiskScreen.Evaluate(Context(true, nationality: "DEU"), [rule], [], [], Day).Hits);
        Assert.Empty(RiskScreen.Evaluate(Context(true, flight: "NH110", nationality: "UTO"), [rule], [], [], Day).Hits);
    }

    [Fact]
    public void No_apis_record_fires_only_for_a_traveller_missing_from_a_loaded_manifest()
    {
        var rule = Rule("no-apis", new RiskCondition { Kind = RiskRuleKind.NoApisRecord });
        var strict = rule with { Id = "no-apis-strict", Condition = rule.Condition with { RequireManifest = true } };
        AdvancePassengerRecord[] manifest = [new("ZZ1", Day, "MUSTERMANN ERIKA", "C01X00T47", "DEU", "ABC123")];

        Assert.Empty(RiskScreen.Evaluate(Context(true), [rule], [], manifest, Day).Hits);
        Assert.Single(RiskScreen.Evaluate(Context(true, number: "X9999999"), [rule], [], manifest, Day).Hits);
        Assert.Empty(RiskScreen.Evaluate(Context(true, number: "X9999999"), [rule], [], [], Day).Hits);
        Assert.Single(RiskScreen.Evaluate(Context(true, number: "X9999999"), [strict], [], [], Day).Hits);

        // The same document on yesterday's flight is not on today's manifest.
        AdvancePassengerRecord[] yesterday = [manifest[0] with { Date = Day.AddDays(-1) }, manifest[0] with { DocumentNumber = "OTHER1" }];
        Assert.Single(RiskScreen.Evaluate(Context(true), [rule], [], yesterday, Day).Hits);
    }
    [Fact]
    public void At_the_document_step_a_lost_or_stolen_document_is_found_without_any_declaration()
    {
        var lost = Rule("lost", new RiskCondition { Kind = RiskRuleKind.DocumentLostOrStolen });
        var traveller = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12));

        var result = RiskScreen.EvaluateIdentity(traveller, [lost, FlaggedRoute], [Travellers.Document("C01X00T47")], [], Day);

        Assert.Equal("lost", Assert.Single(result.Hits).RuleId);
        // The flagged-route rule needs the declaration: it is left to the declaration step, not judged here.
        Assert.Equal(["lost"], result.RulesEvaluated);
    }

    [Fact]
    public void At_the_document_step_a_rule_requiring_a_manifest_on_every_flight_fires_when_no_manifest_holds_the_document()
    {
        var noApis = Rule("no-apis", new RiskCondition { Kind = RiskRuleKind.NoApisRecord, RequireManifest = true });
        var traveller = Travellers.Mrz("MUSTERMANN", "ERIKA", new DateOnly(1964, 8, 12));
        var onManifest = new AdvancePassengerRecord("NH9", Day, "MUSTERMANN ERIKA", "C01X00T47", "DEU", "ABC123");

        Assert.Equal("no-apis", Assert.Single(RiskScreen.EvaluateIdentity(traveller, [noApis], [], [], Day).Hits).RuleId);
        Assert.Empty(RiskScreen.EvaluateIdentity(traveller, [noApis], [], [onManifest], Day).Hits);
    }
}
