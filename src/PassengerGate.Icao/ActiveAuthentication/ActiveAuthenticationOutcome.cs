namespace PassengerGate.Icao.ActiveAuthentication;

/// <summary>Result of Active Authentication (Doc 9303-11 §6.1).</summary>
public enum ActiveAuthenticationOutcome
{
    /// <summary>The chip proved it holds the private key of DG15: it is not a copy.</summary>
    Valid,

    /// <summary>The chip's signature does not verify with DG15: a clone or a substituted chip.</summary>
    Invalid,

    /// <summary>No DG15, or a key type this reader does not handle.</summary>
    NotSupported,
}
