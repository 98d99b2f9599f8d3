namespace PassengerGate.Domain.Sessions;

/// <summary>Where an arrival session stands. Stored by name, so never rename a member.</summary>
public enum ArrivalState
{
    /// <summary>The kiosk opened the session; nothing read yet.</summary>
    Opened,

    /// <summary>The MRZ was read and its check digits hold.</summary>
    DocumentRead,

    /// <summary>The chip was read and passive (and, where offered, active) authentication passed on the service.</summary>
    DocumentVerified,

    /// <summary>The live face matched the chip portrait with liveness.</summary>
    FaceVerified,

    /// <summary>A declaration (pre-declared QR or filled at the kiosk) is bound to the session.</summary>
    DeclarationBound,

    /// <summary>Green: released to the e-gate.</summary>
    Released,

    /// <summary>Red: sent to an officer with every reason.</summary>
    Referred,

    /// <summary>An officer decided the case, or the passenger passed the gate.</summary>
    Closed,

    /// <summary>The passenger left or the session timed out before a decision: never green.</summary>
    Abandoned,
}
