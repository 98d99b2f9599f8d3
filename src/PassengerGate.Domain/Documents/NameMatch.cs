namespace PassengerGate.Domain.Documents;

/// <summary>How a typed name compares with the name in an MRZ.</summary>
public enum NameMatch
{
    Mismatch,

    /// <summary>The typed name, transliterated, is exactly the MRZ name.</summary>
    Exact,

    /// <summary>The MRZ name field is full and the typed name is consistent with ICAO truncation of it.</summary>
    Truncated,
}
