using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PassengerGate.Domain.Audit;

/// <summary>One entry of the audit trail, before or after it is chained.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string ActorKind, string Action, string Subject, string? Airport, string Detail);

/// <summary>
/// The audit trail's hash chain: each row's hash is SHA-256 over a canonical encoding of its own
/// fields and the previous row's hash, so changing a row changes its hash, and deleting one leaves
/// the next row pointing at a hash that is no longer there.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first row: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>
    /// PostgreSQL keeps timestamps to the microsecond; the instant is cut to that before it is
    /// stored and hashed, so the value read back hashes the same.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// SHA-256 over: a version tag, then each field as a 4-byte big-endian length and its UTF-8
    /// bytes (so no field can bleed into the next), then the previous hash.
    /// </summary>
    public static byte[] Hash(AuditEntry entry, ReadOnlySpan<byte> previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (previousHash.Length != 32)
        {
            throw new ArgumentException("a previous hash is 32 bytes", nameof(previousHash));
        }

        using var buffer = new MemoryStream();
        Field(buffer, "pgate-audit-v1");
        Field(buffer, entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(buffer, ToStoredPrecision(entry.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(buffer, entry.Actor);
        Field(buffer, entry.ActorKind);
        Field(buffer, entry.Action);
        Field(buffer, entry.Subject);
        Field(buffer, entry.Airport ?? "");
        Field(buffer, entry.Detail);
        buffer.Write(previousHash);
        return SHA256.HashData(buffer.ToArray());
    }

    private static void Field(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
