using System.Security.Cryptography;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.SecureMessaging;

namespace PassengerGate.Icao.Bac;

/// <summary>
/// Basic Access Control, terminal side (Doc 9303-11 §9.7.2, worked example App. D.3): GET CHALLENGE,
/// EXTERNAL AUTHENTICATE with E.IFD‖M.IFD, then session keys from K.IFD ⊕ K.IC and SSC = RND.IC[4..8]‖RND.IFD[4..8].
/// </summary>
public sealed class BacAuthenticator(IRandomSource random)
{
    public async Task<SecureMessagingSession> AuthenticateAsync(ChipChannel channel, string mrzInformation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var keys = BacKeys.Derive(mrzInformation);
        var challenge = await channel.SendAsync(new CommandApdu(0x00, 0x84, 0x00, 0x00, ReadOnlyMemory<byte>.Empty, 8), ct);
        if (!challenge.IsSuccess || challenge.Data.Length != 8)
        {
            throw new BacAuthenticationException("GET CHALLENGE did not return an 8-byte RND.IC.");
        }

        var rndIc = challenge.Data.ToArray();
        var rndIfd = random.NextBytes(8);
        var kIfd = random.NextBytes(16);
        var eIfd = TripleDesCipher.EncryptCbc(keys.Kenc, [.. rndIfd, .. rndIc, .. kIfd], new byte[8]);
        var mIfd = RetailMac.Compute(keys.Kmac, IsoPadding.Pad(eIfd, 8));
        var response = await channel.SendAsync(new CommandApdu(0x00, 0x82, 0x00, 0x00, (byte[])[.. eIfd, .. mIfd], 40), ct);
        if (!response.IsSuccess || response.Data.Length != 40)
        {
            throw new BacAuthenticationException($"EXTERNAL AUTHENTICATE was refused (SW {response.StatusWord:X4}); check the MRZ.");
        }

        var eIc = response.Data.Span[..32];
        var mIc = response.Data.Span[32..];
        if (!CryptographicOperations.FixedTimeEquals(RetailMac.Compute(keys.Kmac, IsoPadding.Pad(eIc, 8)), mIc))
        {
            throw new BacAuthenticationException("The chip's authentication MAC does not verify.");
        }

        var r = TripleDesCipher.DecryptCbc(keys.Kenc, eIc, new byte[8]);
        if (!r.AsSpan(0, 8).SequenceEqual(rndIc) || !r.AsSpan(8, 8).SequenceEqual(rndIfd))
        {
            throw new BacAuthenticationException("The chip did not return our challenge.");
        }

        var seed = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            seed[i] = (byte)(kIfd[i] ^ r[16 + i]);
        }

        return CreateSession(seed, rndIc, rndIfd);
    }

    /// <summary>Session keys and SSC from the BAC key seed (Doc 9303-11 §9.7.2 step 3, App. D.3.3).</summary>
    public static SecureMessagingSession CreateSession(ReadOnlySpan<byte> keySeed, ReadOnlySpan<byte> rndIc, ReadOnlySpan<byte> rndIfd)
    {
        var cipher = new SecureMessagingCipher(
            SecureMessagingAlgorithm.TripleDes,
            KeyDerivation.Derive(keySeed, KeyDerivation.EncryptionCounter, SecureMessagingAlgorithm.TripleDes),
            KeyDerivation.Derive(keySeed, KeyDerivation.MacCounter, SecureMessagingAlgorithm.TripleDes));
        return new SecureMessagingSession(cipher, [.. rndIc[4..8], .. rndIfd[4..8]]);
    }
}
