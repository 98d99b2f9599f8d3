using System.Globalization;
using System.Text.RegularExpressions;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Documents.DutyNotices;

/// <summary>The fixed Japanese and English words of the duty notice, and how amounts and quantities are written.</summary>
public static partial class DutyNoticeWording
{
    /// <summary>
    /// The legal basis, in the words of DOMAIN.md §1 ("Simplified tax rates", "Dutiable value", "Allowances") and
    /// the customs pages it cites (domain-japan.md [S1] FAQ 7104, [S3] FAQ 7105, FAQ 1405(3), [S25] FAQ 1406).
    /// The notice names the laws only: the customs web pages and the rule ids are sources for the officer's case
    /// data, not citations a traveller is handed.
    /// </summary>
    public const string LegalBasisJa =
        "根拠：入国者が個人的に使用する携帯品・別送品に対する関税・消費税等を、簡易税率（関税定率法）により計算しています。" +
        "個人使用の物品の課税価格は海外小売価格の60%（関税定率法第4条の5・第4条の6、関税定率法施行令第1条の13）、" +
        "外貨建ての価格は税関の週間換算レートによります。1品目または1組の価格が10万円を超える物品など簡易税率の対象外の物品は、税関職員が一般の税率により税額を決定します。";

    public const string LegalBasisEn =
        "Legal basis: customs duty and consumption taxes on personal effects and unaccompanied baggage of travellers, at the simplified rates " +
        "for personal imports (Customs Tariff Law). Customs value of goods for personal use: 60% of the overseas retail price " +
        "(Customs Tariff Law arts. 4-5 and 4-6; Cabinet Order art. 1-13). Foreign prices are converted at the customs weekly rate. " +
        "Goods outside the simplified rates, such as an article or set over JPY 100,000, are assessed by a customs officer at the general rate.";

    /// <summary>Whole yen with thousands separators: the yen has no minor unit (ISO 4217 exponent 0).</summary>
    public static string Yen(decimal amount) => "¥" + amount.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Quantity(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The payment row: "Unpaid", or what was paid, how and when.</summary>
    public static string Payment(DutyPayment? payment) => payment is null
        ? "未納付 / Unpaid"
        : $"納付済 {Yen(payment.AmountYen)}（{MethodJa(payment.Method)}、{When(payment.PaidAt)}） / Paid {Yen(payment.AmountYen)} {MethodEn(payment.Method)} on {When(payment.PaidAt)}";

    /// <summary>The sentence under the totals: where to pay, that it is paid, or the balance still to pay.</summary>
    public static string PaymentSentence(DutyPayment? payment, decimal totalDutyYen)
    {
        if (payment is null)
        {
            return "税関の窓口で納付してください。 / Please pay this duty at the customs counter.";
        }

        var balance = totalDutyYen - payment.AmountYen;
        return balance > 0
            ? $"{Yen(payment.AmountYen)} を納付済みです。残額 {Yen(balance)} を税関の窓口で納付してください。 / {Yen(payment.AmountYen)} has been paid. Please pay the balance of {Yen(balance)} at the customs counter."
            : "この税額は納付済みです。 / This duty has been paid.";
    }

    public static string MethodJa(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "現金",
        PaymentMethod.CreditCard => "クレジットカード",
        _ => "電子マネー",
    };

    public static string MethodEn(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "in cash",
        PaymentMethod.CreditCard => "by credit card",
        _ => "by electronic money",
    };

    /// <summary>
    /// The rate as a traveller reads it: the domain appends the ids of the rules it used in square brackets
    /// ("¥800/ℓ [simplified-newer]"); those belong in the officer's case data, not on the notice.
    /// </summary>
    public static string Rate(string? rateApplied) =>
        rateApplied is null ? "-" : RuleIds().Replace(rateApplied, string.Empty).Trim() is { Length: > 0 } rate ? rate : "-";

    private static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string Category(GoodsCategory category) => category switch
    {
        GoodsCategory.Alcohol => "酒類 Alcohol",
        GoodsCategory.Cigarettes => "紙巻たばこ Cigarettes",
        GoodsCategory.Cigars => "葉巻たばこ Cigars",
        GoodsCategory.HeatedTobacco => "加熱式たばこ Heated tobacco",
        GoodsCategory.OtherTobacco => "その他のたばこ Other tobacco",
        GoodsCategory.Perfume => "香水 Perfume",
        _ => "その他の品物 Other goods",
    };

    public static string Outcome(LineOutcome outcome) => outcome switch
    {
        LineOutcome.Free => "免税 / Within the allowance",
        LineOutcome.LeftOutSmallKind => "1万円以下の品目のため免税 / Kind of JPY 10,000 or less: left out",
        LineOutcome.Dutiable => "課税 / Dutiable",
        LineOutcome.ReferredToOfficer => "税関職員が一般税率で決定 / Assessed by an officer at the general rate",
        _ => "算定できません / Not assessed",
    };

    /// <summary>The unit in Japanese counters, then the domain's English unit.</summary>
    public static string Unit(string unit) => unit switch
    {
        "bottle" => "本 bottle",
        "cigarette" => "本 cigarette",
        "cigar" => "本 cigar",
        "pack" => "箱 pack",
        "article" => "個 article",
        "set" => "組 set",
        _ => unit,
    };

    [GeneratedRegex(@"\s*\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIds();
}
