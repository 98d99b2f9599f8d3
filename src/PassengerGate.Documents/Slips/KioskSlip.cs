using System.Globalization;
using PassengerGate.Documents.Layout;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Documents.Slips;

/// <summary>
/// What the kiosk prints when its decision is made: the lane (green: the e-gate; red: the customs counter),
/// every reason in plain Japanese and English, the case number (also as a QR code), the kiosk and the time.
/// <see cref="At"/> is printed with the offset it carries: pass it in Japan time (+09:00) for a Japanese airport.
/// </summary>
public sealed record KioskSlip(string CaseNumber, string KioskId, DateTimeOffset At, Lane Lane, IReadOnlyList<SlipReason> Reasons)
{
    /// <summary>The duty estimate of a declaration that owes duty or has goods for the officer to assess; null prints none.</summary>
    public SlipDuty? Duty { get; init; }

    /// <summary>The slip for a lane decision; a reason code repeated (e.g. several risk hits) is printed once.</summary>
    public static KioskSlip For(string caseNumber, string kioskId, DateTimeOffset at, LaneDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var reasons = decision.Reasons
            .Select(r => ReasonWording.For(r.Code))
            .DistinctBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new KioskSlip(caseNumber, kioskId, at, decision.Lane, reasons);
    }

    /// <summary>The slip's content in print order; the PDF and the receipt printer both render exactly this.</summary>
    public IReadOnlyList<SlipElement> Content()
    {
        var content = new List<SlipElement>
        {
            new SlipText("税関 Japan Customs", SlipTextStyle.Heading, TextAlignment.Center),
            new SlipText("携帯品申告 受付票", SlipTextStyle.Body, TextAlignment.Center),
            new SlipText("Customs declaration slip", SlipTextStyle.Body, TextAlignment.Center),
        };
        content.AddRange(Lane == Lane.Green
            ? [new SlipText("電子申告ゲートへ", SlipTextStyle.Large, TextAlignment.Center), new SlipText("Proceed to the e-gate", SlipTextStyle.Heading, TextAlignment.Center)]
            : [new SlipText("検査台へ", SlipTextStyle.Large, TextAlignment.Center), new SlipText("Proceed to the customs counter", SlipTextStyle.Heading, TextAlignment.Center)]);
        if (Reasons.Count > 0)
        {
            content.Add(new SlipText("理由 / Reasons", SlipTextStyle.Heading));
            foreach (var reason in Reasons)
            {
                content.Add(new SlipText("[" + reason.Code + "]", SlipTextStyle.Small));
                content.Add(new SlipText(reason.TextJa));
                content.Add(new SlipText(reason.TextEn));
            }
        }

        if (Duty is not null)
        {
            content.AddRange(Duty.Content());
        }

        content.Add(new SlipText("受付番号 / Case No.: " + CaseNumber, SlipTextStyle.Heading));
        content.Add(new SlipText("端末 / Kiosk: " + KioskId));
        content.Add(new SlipText("日時 / Time: " + At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)));
        content.Add(new SlipQrCode(CaseNumber));
        content.Add(new SlipText("このQRコードを税関職員にお見せください。", SlipTextStyle.Small, TextAlignment.Center));
        content.Add(new SlipText("Show this QR code to a customs officer.", SlipTextStyle.Small, TextAlignment.Center));
        return content;
    }
}
