using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Random selection for inspection that anyone holding the seed can recompute, and nobody at a kiosk can steer:
/// draw = the first 53 bits of HMAC-SHA256(seed secret, UTF-8 of the subject), read big-endian, divided by 2^53,
/// which is uniform in [0, 1); the traveller is selected when draw &lt; rate. The subject is
/// <see cref="SelectionSubject"/> (document, issuer, flight, arrival day; decision 0008), so a traveller who starts
/// again at another kiosk meets the same draw; the seed is secret, so nobody can choose a subject that escapes
/// selection. (Decision 0003 drew on the session id in lower-case "D" form; <see cref="Draw(SelectionSeed, Guid)"/>
/// still computes that for replaying old draws.) Recipe for an auditor:
/// <c>printf %s SUBJECT | openssl dgst -sha256 -mac HMAC -macopt hexkey:SECRET</c>, first 16 hex digits, shift right 11, divide by 2^53.
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

    public SelectionDraw Draw(SelectionSeed seed, string subject)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return new SelectionDraw(seed.Id, subject, DrawValue(seed.Secret, subject), Rate);
    }

    /// <summary>A draw on a session id (decision 0003), for replaying draws made before decision 0008.</summary>
    public SelectionDraw Draw(SelectionSeed seed, Guid sessionId) => Draw(seed, sessionId.ToString("D"));

    /// <summary>The draw in [0, 1) for a session under a secret; exact in a double (53 bits).</summary>
    public static double DrawValue(ReadOnlySpan<byte> secret, Guid sessionId) => DrawValue(secret, sessionId.ToString("D"));

    /// <summary>The draw in [0, 1) for a subject under a secret; exact in a double (53 bits).</summary>
    public static double DrawValue(ReadOnlySpan<byte> secret, string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var message = Encoding.UTF8.GetBytes(subject);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, message, mac);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(mac) >> 11;
        return bits / TwoTo53;
    }
}
