using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Pace;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>What to put on a simulated passport. Defaults: the Doc 9303-11 App. D.2 MRZ data (L898902C<, 690806, 940623), BAC only, RSA AA.</summary>
public sealed record SimulatedPassportOptions
{
    /// <summary>TD3 data page MRZ, two 44-character lines separated by a line break.</summary>
    public string Mrz { get; init; } = Td3Mrz.Compose("ERIKSSON", "ANNA MARIA", "L898902C", "UTO", "690806", 'F', "940623", "ZE184226B");

    /// <summary>Portrait bytes for DG2 (JPEG); null uses a synthetic JPEG-framed blob of <see cref="SyntheticFaceSize"/> bytes.</summary>
    public byte[]? FaceImage { get; init; }

    public int SyntheticFaceSize { get; init; } = 12_000;

    public int FaceWidth { get; init; } = 480;

    public int FaceHeight { get; init; } = 640;

    public ChipFaultMode Fault { get; init; } = ChipFaultMode.None;

    /// <summary>With <see cref="ChipFaultMode.FailsMidRead"/>: READ BINARY commands answered before 6F00.</summary>
    public int FailAfterReads { get; init; } = 5;

    /// <summary>Offer PACE in EF.CardAccess (and DG14) besides BAC.</summary>
    public PaceInfo? Pace { get; init; }

    /// <summary>The card access number printed on the data page, for PACE with CAN.</summary>
    public string Can { get; init; } = "123456";

    public AaKeyType ActiveAuthentication { get; init; } = AaKeyType.Rsa1024;

    /// <summary>
    /// The Chip Authentication protocol DG14 offers (an id-CA-ECDH-* OID of ChipAuthenticationInfos) with a P-256 key;
    /// null issues no CA key. Default AES-128 (MSE:Set AT + GENERAL AUTHENTICATE); CaEcdh3Des runs MSE:Set KAT.
    /// </summary>
    public string? ChipAuthentication { get; init; } = PassengerGate.Icao.ChipAuthentication.ChipAuthenticationInfos.CaEcdhAes128;

    /// <summary>The keyId DG14 gives the Chip Authentication key (sent in DO'84'); null leaves it out.</summary>
    public int? ChipAuthenticationKeyId { get; init; }

    public bool AnnouncesExtendedLength { get; init; } = true;

    /// <summary>Issue date of the passport; certificates are dated around it. No clock is read.</summary>
    public DateTimeOffset IssuedAt { get; init; } = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reuse a CSCA across passports (key generation is slow); null creates one for this passport.</summary>
    public TestPki? Pki { get; init; }

    /// <summary>
    /// A Document Signer of <see cref="Pki"/> to sign EF.SOD with, as an issuer signs many passports with one (Doc 9303-12
    /// §7.1: a DS key signs for a usage period of up to three months); null issues a fresh one for this passport. Faults that
    /// need a signer of their own (<see cref="ChipFaultMode.ExpiredSigner"/>, <see cref="ChipFaultMode.UnknownCsca"/>)
    /// ignore it. The passport does not dispose it.
    /// </summary>
    public DocumentSignerCredential? DocumentSigner { get; init; }

    public TestSignatureAlgorithm SignatureAlgorithm { get; init; } = TestSignatureAlgorithm.EcdsaP256;

    /// <summary>The chip's randomness (RND.IC, K.IC, PACE nonces and keys).</summary>
    public IRandomSource ChipRandom { get; init; } = SystemRandomSource.Instance;
}
