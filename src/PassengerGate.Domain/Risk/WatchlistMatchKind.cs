namespace PassengerGate.Domain.Risk;

public enum WatchlistMatchKind
{
    /// <summary>The document number (and the issuing state, when the entry gives one) is the entry's.</summary>
    DocumentNumber,

    /// <summary>Surname, given names and date of birth agree, allowing for transliteration and MRZ truncation.</summary>
    NameAndDateOfBirth,
}
