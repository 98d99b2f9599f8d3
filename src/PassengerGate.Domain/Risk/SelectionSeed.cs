namespace PassengerGate.Domain.Risk;

/// <summary>
/// A secret key for random selection, in force from <see cref="ValidFrom"/> to <see cref="ValidTo"/> inclusive
/// (open-ended when null; rotation closes the previous seed the day before the next one starts). Kept so that an
/// auditor can recompute every draw made with it.
/// </summary>
public sealed class SelectionSeed
{
    public const int SecretBytes = 32;

    private readonly byte[] secret;

    public SelectionSeed(string id, ReadOnlySpan<byte> secret, DateOnly validFrom, DateOnly? validTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (secret.Length < 16)
        {
            throw new ArgumentException("a selection seed needs at least 128 bits", nameof(secret));
        }

        if (validTo < validFrom)
        {
            throw new ArgumentException("validTo is before validFrom", nameof(validTo));
        }

        Id = id;
        this.secret = secret.ToArray();
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public string Id { get; }

    public ReadOnlySpan<byte> Secret => secret;

    public DateOnly ValidFrom { get; }

    public DateOnly? ValidTo { get; }

    /// <summary>SHA-256 of the secret, lower-case hex: can be published when the seed is made, and checked at audit.</summary>
    public string Fingerprint => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(secret));

    public bool Covers(DateOnly asOf) => asOf >= ValidFrom && (ValidTo is null || asOf <= ValidTo.Value);

    /// <summary>The seed in force on <paramref name="asOf"/>: of those covering it, the one that started last.</summary>
    public static SelectionSeed? InForce(IEnumerable<SelectionSeed> seeds, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.Where(s => s.Covers(asOf)).OrderByDescending(s => s.ValidFrom).FirstOrDefault();
    }
}
