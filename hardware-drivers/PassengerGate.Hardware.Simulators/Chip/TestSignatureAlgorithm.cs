namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>How the test CSCA signs certificates and the document signer signs EF.SOD.</summary>
public enum TestSignatureAlgorithm
{
    EcdsaP256,

    /// <summary>
    /// ECDSA over brainpoolP256r1 with the curve spelled out as explicit parameters in the certificates, as
    /// Doc 9303-12 requires of CSCA and DSC keys (and as makes X509Chain throw, tech.md §2.5).
    /// </summary>
    EcdsaBrainpoolP256Explicit,
    RsaPkcs1,
    RsaPss,
}
