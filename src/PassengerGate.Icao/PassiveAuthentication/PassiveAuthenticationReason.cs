namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>Why passive authentication passed or failed (DOMAIN.md §4: hash mismatch, bad signature, untrusted or expired chain, DG1 ≠ printed MRZ).</summary>
public enum PassiveAuthenticationReason
{
    Ok,
    SodMalformed,
    DgMissing,
    DgNotInSod,
    DgHashMismatch,
    SignatureInvalid,
    UnknownCsca,
    DscExpired,
    DscNotYetValid,
    DscRevoked,
    Dg1MrzMismatch,
}
