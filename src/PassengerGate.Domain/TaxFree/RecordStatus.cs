namespace PassengerGate.Domain.TaxFree;

public enum RecordStatus
{
    /// <summary>Export can be confirmed at this check.</summary>
    Confirmable,

    /// <summary>Outside the confirmation window (or dated after the check).</summary>
    Expired,

    /// <summary>Not a tax-free record under the eligibility rules.</summary>
    Excluded,

    /// <summary>Export confirmed (final).</summary>
    Confirmed,

    /// <summary>Refused at inspection (final).</summary>
    Refused,
}
