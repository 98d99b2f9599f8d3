namespace PassengerGate.Documents.Slips;

/// <summary>How a slip line is printed: on paper by font size, on the receipt printer by ESC ! / FS ! mode.</summary>
public enum SlipTextStyle
{
    Body,

    /// <summary>Bold (emphasised).</summary>
    Heading,

    /// <summary>Double width and height: the lane the passenger must walk to.</summary>
    Large,

    Small,
}
