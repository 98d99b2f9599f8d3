using PassengerGate.Documents.Layout;
using PassengerGate.Documents.Slips;

namespace PassengerGate.Documents.EscPos;

/// <summary>The kiosk slip for an ESC/POS receipt printer: the same content as the PDF, line for line, then a full cut.</summary>
public static class KioskSlipEscPos
{
    public static byte[] Render(KioskSlip slip)
    {
        ArgumentNullException.ThrowIfNull(slip);
        return Render(slip.Content());
    }

    /// <summary>The currency declaration's slip, printed as the lane slip is.</summary>
    public static byte[] Render(CurrencySlip slip)
    {
        ArgumentNullException.ThrowIfNull(slip);
        return Render(slip.Content());
    }

    /// <summary>The tax-free export check's slip, printed as the lane slip is.</summary>
    public static byte[] Render(TaxFreeSlip slip)
    {
        ArgumentNullException.ThrowIfNull(slip);
        return Render(slip.Content());
    }

    private static byte[] Render(IReadOnlyList<SlipElement> content)
    {
        var writer = new EscPosWriter().Initialize();
        foreach (var element in content)
        {
            switch (element)
            {
                case SlipText text:
                    writer.Align(AlignmentOf(text.Alignment)).Mode(ModeOf(text.Style)).Line(text.Text);
                    break;
                case SlipQrCode qr:
                    writer.Align(EscPosAlignment.Center).Mode(EscPosPrintMode.Normal).QrCode(qr.Data);
                    break;
                default:
                    throw new InvalidOperationException("unknown slip element " + element.GetType().Name);
            }
        }

        // Feed past the cutter (the cut position is a few lines below the print head) before cutting.
        return writer.Mode(EscPosPrintMode.Normal).Align(EscPosAlignment.Left).Feed(4).Cut().ToArray();
    }

    private static EscPosAlignment AlignmentOf(TextAlignment alignment) => alignment switch
    {
        TextAlignment.Center => EscPosAlignment.Center,
        TextAlignment.Right => EscPosAlignment.Right,
        _ => EscPosAlignment.Left,
    };

    private static EscPosPrintMode ModeOf(SlipTextStyle style) => style switch
    {
        SlipTextStyle.Large => EscPosPrintMode.Emphasized | EscPosPrintMode.DoubleHeight | EscPosPrintMode.DoubleWidth,
        SlipTextStyle.Heading => EscPosPrintMode.Emphasized,
        _ => EscPosPrintMode.Normal,
    };
}
