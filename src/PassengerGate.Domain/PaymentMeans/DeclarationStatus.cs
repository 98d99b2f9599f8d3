namespace PassengerGate.Domain.PaymentMeans;

/// <summary>Where a stored declaration stands after departure staff looked at it (decision 0022).</summary>
public enum DeclarationStatus
{
    /// <summary>Made; not yet checked by staff.</summary>
    Declared,

    /// <summary>Staff counted and found what was declared.</summary>
    Verified,

    /// <summary>The count differs from the declaration (FATF R.32 INR: a false declaration).</summary>
    FalseDeclaration,

    /// <summary>A declaration was required and not made before the check.</summary>
    MissingDeclaration,

    /// <summary>Handed to the police.</summary>
    ReferredPolice,

    /// <summary>Reported to the financial intelligence unit as a suspicion.</summary>
    ReferredFiu,
}
