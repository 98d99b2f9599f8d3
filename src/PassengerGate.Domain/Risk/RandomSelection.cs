using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Random selection for inspection that anyone holding the seed can recompute, and nobody at a kiosk can steer:
/// draw = the first 53 bits of HMAC-SHA256(seed secret, UTF-8 of the session id in lower-case "D" form), read
/// big-endian, divided by 2^53, which is uniform in [0, 1); the traveller is selected when draw &lt; rate.
/// The session id is chosen before the declaration is seen and the seed is secret, so neither the traveller nor
/// the kiosk can pick a session that escapes selection. Recipe for an auditor (decision 0003):
/// <c>printf %s SESSION | openssl dgst -sha256 -mac HMAC -macopt hexkey:SECRET</c>, first 16 hex digits, shift right 11, divide by 2^53.
/// </summary>
public sealed class RandomSelection
{
    private const double TwoTo53 = 9007199254740992d;

    public RandomSelection(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the selection rate is a share from 0 to 1");
        }

        Rate = rate;
    }

    public double Rate { get; }

    public SelectionDraw Draw(SelectionSeed seed, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return new SelectionDraw(seed.Id, sessionId, DrawValue(seed.Secret, sessionId), Rate);
    }

    /// <summary>The draw in [0, 1) for a session under a secret; exact in a double (53 bits).</summary>
    public static double DrawValue(ReadOnlySpan<byte> secret, Guid sessionId)
    {
        Span<byte> message = stackalloc byte[36];
        Encoding.ASCII.GetBytes(sessionId.ToString("D"), message);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, message, mac);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(mac) >> 11;
        return bits / TwoTo53;
    }
}
