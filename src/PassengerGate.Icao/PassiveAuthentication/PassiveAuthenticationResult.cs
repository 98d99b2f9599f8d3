namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// The verdict of passive authentication. <see cref="Code"/> is the stable reason string for logs and the wire
/// (OK, DG_HASH_MISMATCH, …); <see cref="DataGroup"/> names the data group a DG_* reason is about.
/// </summary>
public sealed record PassiveAuthenticationResult(PassiveAuthenticationReason Reason, int? DataGroup, string Detail)
{
    public bool IsValid => Reason == PassiveAuthenticationReason.Ok;

    public string Code => Reason switch
    {
        PassiveAuthenticationReason.Ok => "OK",
        PassiveAuthenticationReason.SodMalformed => "SOD_MALFORMED",
        PassiveAuthenticationReason.DgMissing => "DG_MISSING",
        PassiveAuthenticationReason.DgNotInSod => "DG_NOT_IN_SOD",
        PassiveAuthenticationReason.DgHashMismatch => "DG_HASH_MISMATCH",
        PassiveAuthenticationReason.SignatureInvalid => "SIGNATURE_INVALID",
        PassiveAuthenticationReason.UnknownCsca => "UNKNOWN_CSCA",
        PassiveAuthenticationReason.DscExpired => "DSC_EXPIRED",
        PassiveAuthenticationReason.DscNotYetValid => "DSC_NOT_YET_VALID",
        PassiveAuthenticationReason.DscRevoked => "DSC_REVOKED",
        PassiveAuthenticationReason.Dg1MrzMismatch => "DG1_MRZ_MISMATCH",
        _ => Reason.ToString(),
    };

    /// <summary>Subject of the document signer certificate, when the SOD carried one.</summary>
    public string? DocumentSigner { get; init; }

    /// <summary>Subject of the trusted CSCA that issued the document signer, when one was found.</summary>
    public string? CountrySigningCa { get; init; }

    /// <summary>The data group hash algorithm named in the SOD.</summary>
    public string? HashAlgorithm { get; init; }
}
