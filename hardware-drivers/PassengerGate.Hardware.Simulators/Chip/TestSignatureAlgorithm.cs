namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>How the test CSCA signs certificates and the document signer signs EF.SOD.</summary>
public enum TestSignatureAlgorithm
{
    EcdsaP256,
    RsaPkcs1,
    RsaPss,
}
