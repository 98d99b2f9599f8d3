using System.Text;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Documents.EscPos;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Documents.Tests.Slips;

/// <summary>The kiosk slip's words for the traveller-safe reasons (decision 0007): every reason worded, none naming a risk concept.</summary>
public class TravellerReasonWordingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(9));

    // Japanese words for risk screening, watchlists, blacklists, random selection, rules and lost/stolen lists, and their English.
    private static readonly string[] OfficerOnlyWords = ["リスク", "要注意", "監視", "ブラックリスト", "無作為", "抽出", "抽選", "ルール", "規則", "紛失", "盗難", "risk", "watch", "list", "random", "select", "rule", "stolen", "clone"];

    [Fact]
    public void Every_traveller_reason_has_its_own_japanese_and_english_words()
    {
        var generic = TravellerReasonWording.For(TravellerReason.SeeOfficer);
        Assert.All(Enum.GetValues<TravellerReason>(), reason =>
        {
            Assert.Contains(reason, TravellerReasonWording.Worded);
            var words = TravellerReasonWording.For(reason);
            Assert.Contains(words.TextJa, c => c is >= '\u3040' and <= '\u9FFF');
            Assert.DoesNotContain(words.TextEn, c => c > '\u007F');
            if (reason != TravellerReason.SeeOfficer)
            {
                Assert.NotEqual(generic.TextEn, words.TextEn);
                Assert.NotEqual(generic.TextJa, words.TextJa);
            }
        });
    }

    [Fact]
    public void The_slip_code_is_the_reason_as_the_kiosk_wire_names_it()
    {
        Assert.Equal("seeOfficer", TravellerReasonWording.For(TravellerReason.SeeOfficer).Code);
        Assert.Equal("faceNotMatched", TravellerReasonWording.For(TravellerReason.FaceNotMatched).Code);
    }

    [Fact]
    public void No_traveller_wording_speaks_of_risk_lists_or_selection_and_all_of_it_prints_in_shift_jis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var shiftJis = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        foreach (var reason in Enum.GetValues<TravellerReason>())
        {
            var words = TravellerReasonWording.For(reason);
            foreach (var text in new[] { words.Code, words.TextJa, words.TextEn })
            {
                Assert.DoesNotContain(OfficerOnlyWords, w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
                Assert.NotEmpty(shiftJis.GetBytes(text));
            }
        }
    }

    [Fact]
    public void A_see_an_officer_slip_renders_for_the_receipt_printer_without_a_hint()
    {
        var slip = new KioskSlip("C-7", "K-1", At, Lane.Red, [TravellerReasonWording.For(TravellerReason.SeeOfficer)]);
        var printed = string.Join("\n", slip.Content().OfType<SlipText>().Select(t => t.Text));

        Assert.Contains("Please see a customs officer.", printed, StringComparison.Ordinal);
        Assert.Contains("税関職員にお申し出ください。", printed, StringComparison.Ordinal);
        Assert.NotEmpty(KioskSlipEscPos.Render(slip));
    }
}
