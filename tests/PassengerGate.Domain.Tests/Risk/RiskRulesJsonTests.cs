using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class RiskRulesJsonTests
{
    private const string Valid = """
        {
          "randomSelectionRate": 0.02,
          "rules": [
            { "id": "flagged-route", "kind": "declaredNothingOnFlaggedRoute", "reason": "declared nothing on a flagged route",
              "validFrom": "2026-01-01", "source": "test", "flights": ["ZZ 0001"], "embarkationPoints": ["xyz"] },
            { "id": "no-apis", "kind": "noApisRecord", "reason": "not on the manifest", "enabled": false,
              "validFrom": "2026-01-01", "validTo": "2026-12-31", "source": "test", "requireManifest": true },
            { "id": "lost", "kind": "documentLostOrStolen", "reason": "document reported lost or stolen", "validFrom": "2026-01-01", "source": "test" }
          ]
        }
        """;

    [Fact]
    public void Reads_rules_normalising_flights_and_places()
    {
        var read = RiskRulesJson.Read(Valid);

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var set = read.RuleSet!;
        Assert.Equal(0.02, set.RandomSelectionRate);
        Assert.Equal(["ZZ1"], set.Rules[0].Condition.Flights);
        Assert.Equal(["XYZ"], set.Rules[0].Condition.EmbarkationPoints);
        Assert.False(set.Rules[1].Enabled);
        Assert.True(set.Rules[1].Condition.RequireManifest);
        Assert.Equal(RiskRuleKind.DocumentLostOrStolen, set.Rules[2].Condition.Kind);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_rules()
    {
        var set = RiskRulesJson.Read(Valid).RuleSet!;
        var again = RiskRulesJson.Read(RiskRulesJson.Write(set)).RuleSet!;

        Assert.Equal(set.RandomSelectionRate, again.RandomSelectionRate);
        Assert.Equal(set.Rules.Count, again.Rules.Count);
        for (var i = 0; i < set.Rules.Count; i++)
        {
            Assert.Equal(set.Rules[i] with { Condition = null! }, again.Rules[i] with { Condition = null! });
            Assert.Equal(set.Rules[i].Condition.Kind, again.Rules[i].Condition.Kind);
            Assert.Equal(set.Rules[i].Condition.Flights, again.Rules[i].Condition.Flights);
            Assert.Equal(set.Rules[i].Condition.EmbarkationPoints, again.Rules[i].Condition.EmbarkationPoints);
            Assert.Equal(set.Rules[i].Condition.RequireManifest, again.Rules[i].Condition.RequireManifest);
        }
    }

    [Fact]
    public void Every_error_is_named_by_its_path()
    {
        const string Bad = """
            {
              "randomSelectionRate": 1.5,
              "rules": [
                { "id": "Bad Id", "kind": "faceLooksNervous", "reason": "", "validFrom": "2026-02-30", "source": "x" },
                { "id": "n", "kind": "nationalityOnFlight", "reason": "r", "validFrom": "2026-01-01", "source": "s", "nationalities": ["JPN"] },
                { "id": "w", "kind": "nameOnWatchlist", "reason": "r", "validFrom": "2026-01-01", "source": "s", "flights": ["NH9"], "flight": "NH9" },
                { "id": "w", "kind": "documentOnWatchlist", "reason": "r", "validFrom": "2026-01-01", "source": "s" }
              ]
            }
            """;

        var read = RiskRulesJson.Read(Bad);

        Assert.False(read.IsValid);
        var paths = read.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.randomSelectionRate", paths);
        Assert.Contains("$.rules[0].id", paths);
        Assert.Contains("$.rules[0].kind", paths);
        Assert.Contains("$.rules[0].reason", paths);
        Assert.Contains("$.rules[0].validFrom", paths);
        Assert.Contains("$.rules[1].nationalities", paths);
        Assert.Contains("$.rules[2].flights", paths);
        Assert.Contains("$.rules[2].flight", paths);
        Assert.Contains(read.Errors, e => e.Path == "$.rules[3].id" && e.Message.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_JSON_is_an_error_not_an_exception()
    {
        Assert.Equal("$", Assert.Single(RiskRulesJson.Read("{ rules: ").Errors).Path);
    }
}
