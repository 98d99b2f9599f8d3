using System.Reflection;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Documents.Tests.Slips;

public class KioskSlipTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Slip_from_a_red_decision_keeps_every_reason_code_once_in_order()
    {
        var decision = new LaneDecision(Lane.Red, DecisionScope.Full,
        [
            new ReferralReason(ReferralCodes.FaceNotMatched, "face"),
            new ReferralReason(ReferralCodes.OfficerAssessment, "bag over ¥100,000", "$.goods.otherGoods[0]"),
            new ReferralReason(ReferralCodes.OfficerAssessment, "watch over ¥100,000", "$.goods.otherGoods[1]"),
        ]);

        var slip = KioskSlip.For("C-1", "K-1", At, decision);

        Assert.Equal(Lane.Red, slip.Lane);
        Assert.Equal([ReferralCodes.FaceNotMatched, ReferralCodes.OfficerAssessment], slip.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Risk_hits_and_random_selection_are_never_named_on_the_passengers_slip()
    {
        // Telling a passenger that a risk rule or watchlist fired would tip them off; the officer sees it by case number.
        var decision = new LaneDecision(Lane.Red, DecisionScope.Full,
        [
            new ReferralReason(ReferralCodes.RiskHit, "risk rule fired: watchlist-17"),
            new ReferralReason(ReferralCodes.RandomSelection, "randomly selected for inspection"),
        ]);

        var slip = KioskSlip.For("C-2", "K-1", At, decision);
        var printed = string.Join("\n", slip.Content().OfType<SlipText>().Select(t => t.Text));

        Assert.Equal([ReasonWording.OfficerCheckCode], slip.Reasons.Select(r => r.Code));
        Assert.DoesNotContain(ReferralCodes.RiskHit, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(ReferralCodes.RandomSelection, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("watchlist", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("random", printed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_referral_code_the_domain_defines_has_japanese_and_english_words()
    {
        var codes = typeof(ReferralCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(c => c is not ReferralCodes.RiskHit and not ReferralCodes.RandomSelection and not ReferralCodes.PreviouslyReferred)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code =>
        {
            Assert.Contains(code, ReasonWording.WordedCodes);
            var words = ReasonWording.For(code);
            Assert.Equal(code, words.Code);
            Assert.Contains(words.TextJa, c => c is >= '\u3040' and <= '\u9FFF');
            Assert.DoesNotContain(words.TextEn, c => c > '\u007F');
        });
    }

    [Fact]
    public void An_unknown_code_is_printed_as_itself_with_officer_check_words()
    {
        var words = ReasonWording.For("future.newRule");

        Assert.Equal("future.newRule", words.Code);
        Assert.Equal(ReasonWording.For(ReferralCodes.RiskHit).TextEn, words.TextEn);
    }

    [Fact]
    public void Slip_content_has_the_case_number_as_its_only_qr_code()
    {
        var slip = new KioskSlip("C-2026-000321", "K-9", At, Lane.Green, []);

        Assert.Equal("C-2026-000321", Assert.Single(slip.Content().OfType<SlipQrCode>()).Data);
    }
}
