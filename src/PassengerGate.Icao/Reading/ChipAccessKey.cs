namespace PassengerGate.Icao.Reading;

/// <summary>
/// What unlocks the chip: the MRZ_information (BAC, or PACE with the MRZ password) or the card access number
/// printed on the data page (PACE with CAN only, Doc 9303-11 §9.7.3).
/// </summary>
public sealed record ChipAccessKey
{
    private ChipAccessKey(string? mrzInformation, string? can)
    {
        MrzInformation = mrzInformation;
        Can = can;
    }

    public string? MrzInformation { get; }

    public string? Can { get; }

    public static ChipAccessKey FromMrzInformation(string mrzInformation)
    {
        if (!Domain.Documents.MrzInformation.IsValid(mrzInformation))
        {
            throw new FormatException("MRZ_information must be document number, birth date and expiry date, each with its check digit.");
        }

        return new ChipAccessKey(mrzInformation, null);
    }

    /// <summary>The key from the printed fields; a field outside the MRZ alphabet or a date that is not YYMMDD is a
    /// <see cref="FormatException"/>, like any other unreadable MRZ.</summary>
    public static ChipAccessKey FromMrz(string documentNumber, string dateOfBirthYyMmDd, string dateOfExpiryYyMmDd)
    {
        try
        {
            return new(Domain.Documents.MrzInformation.Create(documentNumber, dateOfBirthYyMmDd, dateOfExpiryYyMmDd), null);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    public static ChipAccessKey FromCan(string can)
    {
        ArgumentNullException.ThrowIfNull(can);
        if (can.Length != 6 || !can.All(char.IsAsciiDigit))
        {
            throw new FormatException("A card access number has six digits.");
        }

        return new ChipAccessKey(null, can);
    }
}
