using PassengerGate.Documents.Layout;

namespace PassengerGate.Documents.Slips;

public sealed record SlipText(string Text, SlipTextStyle Style = SlipTextStyle.Body, TextAlignment Alignment = TextAlignment.Left) : SlipElement;
