using System.Globalization;
using PassengerGate.Documents.Layout;

namespace PassengerGate.Documents.Slips;

/// <summary>What the traveller does next with a currency declaration, as the slip prints it.</summary>
public enum CurrencySlipNext
{
    /// <summary>The rules did not require the declaration: nothing more for the means of payment.</summary>
    Continue,

    /// <summary>Departing with a declaration the rules require: the departure customs desk checks it.</summary>
    DepartureDesk,

    /// <summary>Arriving with a declaration the rules require: the customs officer at the counter checks it.</summary>
    Officer,
}

/// <summary>
/// The kiosk's slip for a declaration of means of payment (FEFTA art. 19(3); decision 0022, "Kiosk screens"): the
/// declaration number (also as a QR code, which the desk scans), whether the rules required it, the total in the
/// reporting currency and where to go, in Japanese and English, the kiosk and the time. No name or document number:
/// the slip may be left behind. <see cref="At"/> is printed with the offset it carries (Japan time at a Japanese airport).
/// </summary>
public sealed record CurrencySlip(string DeclarationNumber, string KioskId, DateTimeOffset At, bool Required, decimal? Total, string? ReportingCurrency, CurrencySlipNext Next)
{
    /// <summary>The slip's content in print order, for the receipt printer (<see cref="EscPos.KioskSlipEscPos"/>).</summary>
    public IReadOnlyList<SlipElement> Content()
    {
        var content = new List<SlipElement>
        {
            new SlipText("税関 Japan Customs", SlipTextStyle.Heading, TextAlignment.Center),
            new SlipText("支払手段等の携帯輸出・輸入申告", SlipTextStyle.Body, TextAlignment.Center),
            new SlipText("Declaration of means of payment", SlipTextStyle.Body, TextAlignment.Center),
            new SlipText(DeclarationNumber, SlipTextStyle.Large, TextAlignment.Center),
        };
        content.AddRange(Next switch
        {
            CurrencySlipNext.DepartureDesk => [new SlipText("出国税関検査場へ", SlipTextStyle.Heading, TextAlignment.Center), new SlipText("Go to the departure customs desk", SlipTextStyle.Heading, TextAlignment.Center)],
            CurrencySlipNext.Officer => [new SlipText("検査台へ", SlipTextStyle.Heading, TextAlignment.Center), new SlipText("Proceed to the customs counter", SlipTextStyle.Heading, TextAlignment.Center)],
            _ => [new SlipText("申告を受け付けました", SlipTextStyle.Heading, TextAlignment.Center), new SlipText("Declaration received", SlipTextStyle.Heading, TextAlignment.Center)],
        });
        if (Total is { } total && ReportingCurrency is { } currency)
        {
            content.Add(new SlipText("合計 / Total: " + total.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + currency));
        }

        content.Add(new SlipText(Required ? "申告が必要です / Declaration required" : "申告は不要です / Declaration not required"));
        content.Add(new SlipText("申告番号 / Declaration No.: " + DeclarationNumber, SlipTextStyle.Heading));
        content.Add(new SlipText("端末 / Kiosk: " + KioskId));
        content.Add(new SlipText("日時 / Time: " + At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)));
        content.Add(new SlipQrCode(DeclarationNumber));
        content.Add(new SlipText("このQRコードを税関職員にお見せください。", SlipTextStyle.Small, TextAlignment.Center));
        content.Add(new SlipText("Show this QR code to a customs officer.", SlipTextStyle.Small, TextAlignment.Center));
        return content;
    }
}
