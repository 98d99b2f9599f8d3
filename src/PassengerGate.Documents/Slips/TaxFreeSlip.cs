using System.Globalization;
using PassengerGate.Documents.Layout;

namespace PassengerGate.Documents.Slips;

/// <summary>How one record came out of the departure check, as the slip prints it.</summary>
public enum TaxFreeSlipStatus
{
    /// <summary>Export confirmed now (green) or earlier.</summary>
    Confirmed,

    /// <summary>Confirmable, waiting for the goods to be shown (red).</summary>
    ToInspect,

    /// <summary>Outside the 90 days counted from the day after purchase (docs/taxfree-rules.md §3).</summary>
    Expired,

    /// <summary>Not eligible (below the floor, excluded goods, identifying details missing, bought after the check).</summary>
    Excluded,

    /// <summary>Refused after an inspection.</summary>
    Refused,
}

/// <summary>One record on the slip: the shop's id and record id (as on the shop's receipt), the purchase day and the total.</summary>
public sealed record TaxFreeSlipRecord(string ShopId, string RecordId, DateOnly PurchaseDay, long TotalYen, TaxFreeSlipStatus Status);

/// <summary>
/// The kiosk's slip for a tax-free export check (issue 12; decision 0021, "At the kiosk"), in Japanese and English: the
/// lane (export confirmed, or show the goods at the inspection desk), each record with its status, the kiosk and the time.
/// Unlike a system that gives the traveller nothing (anchors: Singapore's eTRS), the traveller keeps a record of what was
/// confirmed and what was not. No name or passport number: the slip may be left behind.
/// </summary>
public sealed record TaxFreeSlip(bool Green, IReadOnlyList<TaxFreeSlipRecord> Records, string KioskId, DateTimeOffset At)
{
    public IReadOnlyList<SlipElement> Content()
    {
        var content = new List<SlipElement>
        {
            new SlipText("税関 Japan Customs", SlipTextStyle.Heading, TextAlignment.Center),
            new SlipText("輸出物品販売場制度 輸出確認", SlipTextStyle.Body, TextAlignment.Center),
            new SlipText("Tax-free export check", SlipTextStyle.Body, TextAlignment.Center),
        };
        content.AddRange(Green
            ? [new SlipText("輸出を確認しました", SlipTextStyle.Heading, TextAlignment.Center), new SlipText("Export confirmed", SlipTextStyle.Heading, TextAlignment.Center)]
            : [new SlipText("検査場で物品をお見せください", SlipTextStyle.Heading, TextAlignment.Center), new SlipText("Show the goods at the inspection desk", SlipTextStyle.Heading, TextAlignment.Center)]);
        if (Records.Count == 0)
        {
            content.Add(new SlipText("免税購入記録はありません / No tax-free purchase records"));
        }

        foreach (var record in Records)
        {
            content.Add(new SlipText($"{record.ShopId} {record.RecordId}", SlipTextStyle.Body));
            content.Add(new SlipText($"  {record.PurchaseDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  JPY {record.TotalYen.ToString("#,0", CultureInfo.InvariantCulture)}  {Wording(record.Status)}", SlipTextStyle.Small));
        }

        content.Add(new SlipText("端末 / Kiosk: " + KioskId));
        content.Add(new SlipText("日時 / Time: " + At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)));
        return content;
    }

    private static string Wording(TaxFreeSlipStatus status) => status switch
    {
        TaxFreeSlipStatus.Confirmed => "確認済 / Confirmed",
        TaxFreeSlipStatus.ToInspect => "検査へ / To inspect",
        TaxFreeSlipStatus.Expired => "期限切れ / Expired",
        TaxFreeSlipStatus.Excluded => "対象外 / Not eligible",
        _ => "不承認 / Refused",
    };
}
