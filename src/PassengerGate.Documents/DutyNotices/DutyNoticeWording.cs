using System.Globalization;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Documents.DutyNotices;

/// <summary>The fixed Japanese and English words of the duty notice, and how amounts and quantities are written.</summary>
public static class DutyNoticeWording
{
    /// <summary>
    /// The legal basis, in the words of DOMAIN.md §1 ("Simplified tax rates", "Dutiable value", "Allowances") and
    /// the customs pages it cites (domain-japan.md [S1] FAQ 7104, [S3] FAQ 7105, FAQ 1405(3), [S25] FAQ 1406).
    /// </summary>
    public const string LegalBasisJa =
        "根拠：入国者が個人的に使用する携帯品・別送品に対する関税・消費税等を、簡易税率（関税定率法、税関カスタムスアンサー7105）により計算しています。" +
        "免税範囲は税関カスタムスアンサー7104、個人使用の物品の課税価格は海外小売価格の60%（関税定率法第4条の5・第4条の6、関税定率法施行令第1条の13、カスタムスアンサー1405(3)）、" +
        "外貨建ての価格は税関の週間換算レート（カスタムスアンサー1406）によります。1品目または1組の価格が10万円を超える物品など簡易税率の対象外の物品は、税関職員が一般の税率により税額を決定します。";

    public const string LegalBasisEn =
        "Legal basis: customs duty and consumption taxes on personal effects and unaccompanied baggage of travellers, at the simplified rates " +
        "for personal imports (Customs Tariff Law; Japan Customs FAQ 7105). Duty-free allowances: Japan Customs FAQ 7104. Customs value of goods " +
        "for personal use: 60% of the overseas retail price (Customs Tariff Law arts. 4-5 and 4-6; Cabinet Order art. 1-13; FAQ 1405(3)). " +
        "Foreign prices are converted at the customs weekly rate (FAQ 1406). Goods outside the simplified rates, such as an article or set over " +
        "JPY 100,000, are assessed by a customs officer at the general rate.";

    /// <summary>Whole yen with thousands separators: the yen has no minor unit (ISO 4217 exponent 0).</summary>
    public static string Yen(decimal amount) => "¥" + amount.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Quantity(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Payment(PaymentStatus status) => status switch
    {
        PaymentStatus.Paid => "納付済 / Paid",
        _ => "未納付 / Unpaid",
    };

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
}
