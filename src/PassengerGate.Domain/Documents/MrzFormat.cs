namespace PassengerGate.Domain.Documents;

/// <summary>The machine-readable zone layouts of ICAO Doc 9303 (Parts 4-7).</summary>
public enum MrzFormat
{
    /// <summary>The lines match no ICAO layout.</summary>
    Unknown = 0,

    /// <summary>Size 1 card, 3 lines of 30 (Part 5).</summary>
    Td1,

    /// <summary>Size 2 card, 2 lines of 36 (Part 6).</summary>
    Td2,

    /// <summary>Passport book, 2 lines of 44 (Part 4).</summary>
    Td3,

    /// <summary>Full-page visa, 2 lines of 44, document code V (Part 7).</summary>
    MrvA,

    /// <summary>Smaller visa, 2 lines of 36, document code V (Part 7).</summary>
    MrvB,
}
