namespace PassengerGate.Documents.Layout;

public enum TextAlignment
{
    Left,
    Center,
    Right,
}
