using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Arrival;

/// <summary>DOMAIN.md §1 "Lane decision" and "Electronic flow"; §5 rule 7 (never fail open).</summary>
public class LaneDecisionTests
{
    private static readonly GateChecks AllPassed = new()
    {
        DocumentVerified = true, FaceMatched = true, LivenessPassed = true, IsChipPassport = true,
        ChildBelowHeight = false, RiskHits = [], RandomlySelected = false,
    };

    private static ArrivalAssessment Clean() =>
        ArrivalAssessor.Assess(Declarations.Adult(), ArrivalRuleBook.Japan, CustomsRateTable.Empty, Declarations.ArrivalDay);

    [Fact]
    public void Green_when_every_check_passed_and_the_declaration_raises_nothing()
    {
        var decision = LaneDecision.For(AllPassed, Clean());
        Assert.Equal(Lane.Green, decision.Lane);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Goods_within_the_allowance_stay_green()
    {
        var goods = new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WhiskyBrandy, 3, 750)], OtherGoods = [Declarations.Yen("watch", 150_000m)] };
        var a = ArrivalAssessor.Assess(Declarations.Adult(goods), ArrivalRuleBook.Japan, CustomsRateTable.Empty, Declarations.ArrivalDay);
        Assert.Equal(Lane.Green, LaneDecision.For(AllPassed, a).Lane);
    }

    [Fact]
    public void Red_lists_every_reason()
    {
        var checks = new GateChecks
        {
            DocumentVerified = false, FaceMatched = false, LivenessPassed = false, IsChipPassport = false,
            ChildBelowHeight = true, RiskHits = ["watchlist: test entry"], RandomlySelected = true,
        };
        var goods = new DeclaredGoods { Alcohol = [new AlcoholLine(AlcoholKind.WhiskyBrandy, 4, 750)] };
        var declaration = Declarations.Adult(goods) with
        {
            Answers = Declarations.AllNo with { CommercialGoodsOrSamples = true, UnaccompaniedBaggage = true },
            UnaccompaniedPackages = 1,
        };
        var a = ArrivalAssessor.Assess(declaration, ArrivalRuleBook.Japan, CustomsRateTable.Empty, Declarations.ArrivalDay);
        var decision = LaneDecision.For(checks, a);
        Assert.Equal(Lane.Red, decision.Lane);
        var codes = decision.Reasons.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            ReferralCodes.DocumentNotVerified, ReferralCodes.DocumentNotChip, ReferralCodes.FaceNotMatched, ReferralCodes.LivenessFailed,
            ReferralCodes.ChildBelowHeight, ReferralCodes.RiskHit, ReferralCodes.RandomSelection, ReferralCodes.DeclaredCommercialGoods,
            ReferralCodes.DeclaredUnaccompaniedBaggage, ReferralCodes.UnaccompaniedBaggage, ReferralCodes.OverAllowance, ReferralCodes.DutyDue,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.All(decision.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Theory]
    [InlineData(nameof(GateChecks.DocumentVerified))]
    [InlineData(nameof(GateChecks.FaceMatched))]
    [InlineData(nameof(GateChecks.LivenessPassed))]
    [InlineData(nameof(GateChecks.IsChipPassport))]
    [InlineData(nameof(GateChecks.ChildBelowHeight))]
    [InlineData(nameof(GateChecks.RiskHits))]
    [InlineData(nameof(GateChecks.RandomlySelected))]
    public void Any_missing_check_is_red_with_an_internal_error(string missing)
    {
        var checks = missing switch
        {
            nameof(GateChecks.DocumentVerified) => AllPassed with { DocumentVerified = null },
            nameof(GateChecks.FaceMatched) => AllPassed with { FaceMatched = null },
            nameof(GateChecks.LivenessPassed) => AllPassed with { LivenessPassed = null },
            nameof(GateChecks.IsChipPassport) => AllPassed with { IsChipPassport = null },
            nameof(GateChecks.ChildBelowHeight) => AllPassed with { ChildBelowHeight = null },
            nameof(GateChecks.RiskHits) => AllPassed with { RiskHits = null },
            _ => AllPassed with { RandomlySelected = null },
        };
        var decision = LaneDecision.For(checks, Clean());
        Assert.Equal(Lane.Red, decision.Lane);
        Assert.Equal(ReferralCodes.InternalError, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void No_checks_or_no_assessment_is_red()
    {
        Assert.Equal(Lane.Red, LaneDecision.For(null, Clean()).Lane);
        Assert.Equal(Lane.Red, LaneDecision.For(AllPassed, null).Lane);
        Assert.Equal(Lane.Red, LaneDecision.ForDeclaration(null).Lane);
    }

    [Fact]
    public void A_missing_exchange_rate_is_red()
    {
        var line = new OtherGoodsLine { Description = "scarf", Quantity = 1, UnitRetailValue = new Money(50m, CurrencyCode.Parse("EUR")) };
        var a = ArrivalAssessor.Assess(Declarations.Adult(new DeclaredGoods { OtherGoods = [line] }), ArrivalRuleBook.Japan, CustomsRateTable.Empty, Declarations.ArrivalDay);
        var decision = LaneDecision.For(AllPassed, a);
        Assert.Equal(Lane.Red, decision.Lane);
        Assert.Contains(decision.Reasons, r => r.Code == ReferralCodes.ExchangeRateMissing);
    }

    [Fact]
    public void The_declaration_only_decision_says_its_scope()
    {
        var decision = LaneDecision.ForDeclaration(Clean());
        Assert.Equal(DecisionScope.Declaration, decision.Scope);
        Assert.Equal(Lane.Green, decision.Lane);
    }
}
