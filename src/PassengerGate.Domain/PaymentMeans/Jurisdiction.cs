namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// A jurisdiction with a currency rule pack (docs/currency-rules.md). Written in JSON exactly as named
/// here (upper case), unlike the camelCase of other enums, because these are the codes officers use.
/// </summary>
public enum Jurisdiction
{
    /// <summary>Japan (FEFTA art. 19; the default).</summary>
    JP,

    /// <summary>The European Union's external border (Regulation (EU) 2018/1672).</summary>
    EU,

    /// <summary>United States (31 U.S.C. 5316, FinCEN Form 105).</summary>
    US,

    /// <summary>Australia (AML/CTF Act 2006).</summary>
    AU,

    /// <summary>New Zealand (AML/CFT Act 2009).</summary>
    NZ,

    /// <summary>Singapore (CDSA).</summary>
    SG,
}
