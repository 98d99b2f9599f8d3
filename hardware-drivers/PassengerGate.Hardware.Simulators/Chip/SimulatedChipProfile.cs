using System.Security.Cryptography;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Pace;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>Everything a simulated chip holds: its access secrets, files, Active Authentication key and faults.</summary>
public sealed record SimulatedChipProfile
{
    public required string MrzInformation { get; init; }

    /// <summary>Files of the eMRTD application by file identifier (EF.COM, DGs, EF.SOD).</summary>
    public required IReadOnlyDictionary<ushort, byte[]> ApplicationFiles { get; init; }

    /// <summary>EF.CardAccess in the master file; null when the chip does not offer PACE.</summary>
    public byte[]? CardAccess { get; init; }

    public PaceInfo? Pace { get; init; }

    public string? Can { get; init; }

    /// <summary>The key the chip signs INTERNAL AUTHENTICATE with (RSA or ECDsa); null without Active Authentication.</summary>
    public AsymmetricAlgorithm? ActiveAuthenticationKey { get; init; }

    /// <summary>The Chip Authentication the chip performs (DG14's protocol, key id and the private key it holds); null refuses CA.</summary>
    public SimulatedChipAuthentication? ChipAuthentication { get; init; }

    public bool AnnouncesExtendedLength { get; init; } = true;

    /// <summary>READ BINARY commands answered before the chip starts failing; null never fails.</summary>
    public int? FailAfterReads { get; init; }

    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}

/// <summary>A chip's Chip Authentication: the protocol DG14 names, the key id, the domain and the static private key.</summary>
public sealed record SimulatedChipAuthentication(string Protocol, int? KeyId, PassengerGate.Icao.ChipAuthentication.ChipAuthenticationDomain Domain, Org.BouncyCastle.Math.BigInteger PrivateKey);
