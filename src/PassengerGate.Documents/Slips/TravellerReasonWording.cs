using System.Text.Json;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Documents.Slips;

/// <summary>
/// The words the kiosk's slip prints for each <see cref="TravellerReason"/>, in Japanese and English. The kiosk only
/// ever holds traveller reasons, so nothing here can name a risk rule, a list or a random selection
/// (docs/decisions/0007-traveller-safe-reasons.md). Every text is printable in Shift_JIS (the receipt printer's
/// code page): no yen sign or wave dash.
/// </summary>
public static class TravellerReasonWording
{
    private static readonly Dictionary<TravellerReason, (string Ja, string En)> Words = new()
    {
        [TravellerReason.SeeOfficer] = ("税関職員にお申し出ください。", "Please see a customs officer."),
        [TravellerReason.PassportNotRead] = ("旅券を読み取れませんでした。", "Your passport could not be read."),
        [TravellerReason.PassportNotVerified] = ("旅券を確認できませんでした。", "Your passport could not be verified."),
        [TravellerReason.PassportExpired] = ("旅券の有効期間が過ぎています。", "Your passport has expired."),
        [TravellerReason.ChipNotRead] = ("旅券のICチップを読み取れませんでした。", "The passport chip could not be read."),
        [TravellerReason.NotChipPassport] = ("IC旅券ではないため、電子申告ゲートは利用できません。", "Not an IC (chip) passport: the e-gate cannot be used."),
        [TravellerReason.FaceNotMatched] = ("顔が旅券の写真と一致しませんでした。", "Your face did not match the passport photo."),
        [TravellerReason.FaceNotConfirmed] = ("顔の撮影を確認できませんでした。", "The face photo could not be confirmed."),
        [TravellerReason.BelowEgateHeight] = ("身長の条件により、電子申告ゲートは利用できません。", "Children below the e-gate height cannot use the e-gate."),
        [TravellerReason.UnaccompaniedBaggage] = ("別送品があるため、電子申告ゲートは利用できません。", "Travellers with unaccompanied baggage cannot use the e-gate."),
        [TravellerReason.DeclaredProhibitedOrRestricted] = ("輸入が禁止・制限されている物品の申告があります。", "You declared prohibited or restricted articles."),
        [TravellerReason.DeclaredGold] = ("金地金・金製品の申告があります。", "You declared gold bullion or gold products."),
        [TravellerReason.DeclaredOverAllowance] = ("免税範囲を超える物品の申告があります。", "You declared goods over the duty-free allowance."),
        [TravellerReason.DeclaredCommercialGoods] = ("商業貨物・商品見本の申告があります。", "You declared commercial goods or samples."),
        [TravellerReason.DeclaredCarriedForSomeoneElse] = ("他人から預かった物品の申告があります。", "You declared items carried for someone else."),
        [TravellerReason.DeclaredPaymentMeans] = (
            "100万円相当額を超える現金等の申告があります。支払手段等の携帯輸入申告書が必要です。",
            "You declared cash or other means of payment over JPY 1,000,000: a separate declaration is required."),
        [TravellerReason.DeclaredUnaccompaniedBaggage] = ("別送品の申告があります。", "You declared unaccompanied baggage."),
        [TravellerReason.OverAllowance] = ("免税範囲を超えています。", "Your goods are over the duty-free allowance."),
        [TravellerReason.DutyDue] = ("納付すべき税額があります。", "Duty and tax are due."),
        [TravellerReason.DutyAssessedByOfficer] = ("税関職員が税額を決定します。", "A customs officer will assess the duty."),
        [TravellerReason.SessionEnded] = ("手続が中断されました。", "The check was ended before a decision."),
        [TravellerReason.ServiceProblem] = ("システムで判定できませんでした。", "The system could not complete the checks."),
        [TravellerReason.ServiceUnavailable] = ("端末が税関のシステムに接続できませんでした。", "The kiosk could not reach the customs service."),
        [TravellerReason.Undecided] = ("税関のシステムが判定できませんでした。", "The customs service did not reach a decision."),
    };

    /// <summary>The reasons with their own words (all of them; a test keeps it so).</summary>
    public static IReadOnlyCollection<TravellerReason> Worded => Words.Keys;

    /// <summary>The slip line: the reason's wire name (as the kiosk screen shows it in data-code) and its words; a value without words prints as "see an officer".</summary>
    public static SlipReason For(TravellerReason reason)
    {
        var words = Words.TryGetValue(reason, out var found) ? found : Words[TravellerReason.SeeOfficer];
        return new SlipReason(JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()), words.Ja, words.En);
    }
}
