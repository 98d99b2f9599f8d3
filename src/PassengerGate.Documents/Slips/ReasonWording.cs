using PassengerGate.Domain.Risk;

namespace PassengerGate.Documents.Slips;

/// <summary>
/// The plain words a passenger reads for each referral code (ReferralCodes; DOMAIN.md §1 "Lane decision",
/// "Electronic flow"). Every text is printable in Shift_JIS (the receipt printer's code page), so no
/// yen sign or wave dash: amounts are written "100万円" / "JPY 1,000,000".
/// </summary>
public static class ReasonWording
{
    /// <summary>
    /// What a passenger's slip shows for a risk hit or a random selection: one neutral code and sentence, so the
    /// slip never tells a passenger that a risk rule or watchlist fired (the officer sees the real reasons by case number).
    /// </summary>
    public const string OfficerCheckCode = "officer.check";

    private static readonly SlipReason OfficerCheck = new(OfficerCheckCode, "税関職員が確認します。", "A customs officer will check your declaration.");

    private static readonly Dictionary<string, (string Ja, string En)> Words = new(StringComparer.Ordinal)
    {
        [ReferralCodes.DocumentNotVerified] = ("旅券を確認できませんでした。", "Your passport could not be verified."),
        [ReferralCodes.DocumentNotChip] = ("IC旅券ではないため、電子申告ゲートは利用できません。", "Not an IC (chip) passport: the e-gate cannot be used."),
        [ReferralCodes.FaceNotMatched] = ("顔が旅券の写真と一致しませんでした。", "Your face did not match the passport photo."),
        [ReferralCodes.LivenessFailed] = ("顔の撮影を確認できませんでした。", "The face photo could not be confirmed."),
        [ReferralCodes.ChildBelowHeight] = ("身長の条件により、電子申告ゲートは利用できません。", "Children below the e-gate height cannot use the e-gate."),
        [ReferralCodes.UnaccompaniedBaggage] = ("別送品があるため、電子申告ゲートは利用できません。", "Travellers with unaccompanied baggage cannot use the e-gate."),
        [ReferralCodes.DeclaredProhibitedOrRestricted] = ("輸入が禁止・制限されている物品の申告があります。", "You declared prohibited or restricted articles."),
        [ReferralCodes.DeclaredGold] = ("金地金・金製品の申告があります。", "You declared gold bullion or gold products."),
        [ReferralCodes.DeclaredOverAllowance] = ("免税範囲を超える物品の申告があります。", "You declared goods over the duty-free allowance."),
        [ReferralCodes.DeclaredCommercialGoods] = ("商業貨物・商品見本の申告があります。", "You declared commercial goods or samples."),
        [ReferralCodes.DeclaredCarriedForSomeoneElse] = ("他人から預かった物品の申告があります。", "You declared items carried for someone else."),
        [ReferralCodes.DeclaredPaymentMeans] = (
            "100万円相当額を超える現金等の申告があります。支払手段等の携帯輸入申告書が必要です。",
            "You declared cash or other means of payment over JPY 1,000,000: a separate declaration is required."),
        [ReferralCodes.DeclaredUnaccompaniedBaggage] = ("別送品の申告があります。", "You declared unaccompanied baggage."),
        [ReferralCodes.OverAllowance] = ("免税範囲を超えています。", "Your goods are over the duty-free allowance."),
        [ReferralCodes.DutyDue] = ("納付すべき税額があります。", "Duty and tax are due."),
        [ReferralCodes.OfficerAssessment] = ("税関職員が税額を決定します。", "A customs officer will assess the duty."),
        [ReferralCodes.ExchangeRateMissing] = ("換算レートがないため、税額を計算できませんでした。", "The duty could not be computed: no exchange rate."),
        [ReferralCodes.InternalError] = ("システムで判定できませんでした。", "The system could not complete the checks."),
        [ReferralCodes.ArrivalDateMismatch] = ("申告書の到着日が本日ではありません。", "The arrival date on the declaration is not today."),
    };

    /// <summary>The codes with their own wording (every <see cref="ReferralCodes"/> code except risk hits, random selection and an earlier referral).</summary>
    public static IReadOnlyCollection<string> WordedCodes => Words.Keys;

    /// <summary>The slip line for a code; an unknown code keeps its code and is worded as an officer check.</summary>
    public static SlipReason For(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code is ReferralCodes.RiskHit or ReferralCodes.RandomSelection or ReferralCodes.PreviouslyReferred)
        {
            return OfficerCheck;
        }

        return Words.TryGetValue(code, out var words)
            ? new SlipReason(code, words.Ja, words.En)
            : OfficerCheck with { Code = code };
    }
}
