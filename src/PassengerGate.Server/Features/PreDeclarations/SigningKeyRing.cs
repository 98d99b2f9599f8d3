using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.PreDeclarations;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>
/// The ES256 keys that sign pre-declaration QRs. The first key is made on first use; each key signs
/// for <see cref="PreDeclarationOptions.KeySigningPeriod"/>, its successor is made and published
/// <see cref="PreDeclarationOptions.KeyPublishAhead"/> before that, and a retired key is still
/// published until the last QR it could have signed has expired (signs_until + QR lifetime).
/// </summary>
public sealed class SigningKeyRing(SigningKeyStore store, TimeProvider clock, IOptions<PreDeclarationOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SigningKeyStore.SigningKeyRow> _keys = [];

    /// <summary>A key that may sign now: its kid and PKCS#8 private key.</summary>
    public sealed record CurrentKey(string Kid, byte[] PrivateKeyPkcs8);

    public async Task<CurrentKey> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = await KeysAsync(now, ct);
        var signer = keys.Where(k => k.NotBefore <= now.UtcDateTime && now.UtcDateTime < k.SignsUntil).MaxBy(k => k.Generation)
            ?? throw new InvalidOperationException("No pre-declaration signing key is in force; the key table is inconsistent.");
        return new CurrentKey(signer.Kid, signer.PrivateKeyPkcs8);
    }

    /// <summary>Every key a kiosk must trust now: the signing key, a successor published ahead, and retired keys whose QRs may still be valid.</summary>
    public async Task<IReadOnlyList<PublishedKey>> PublishedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = await KeysAsync(now, ct);
        return keys
            .Where(k => now.UtcDateTime <= k.NotAfter)
            .OrderByDescending(k => k.Generation)
            .Select(k => new PublishedKey(k.Kid, PublishedKey.Es256, k.PublicKeySpki, Utc(k.NotBefore), Utc(k.NotAfter)))
            .ToList();
    }

    private async Task<IReadOnlyList<SigningKeyStore.SigningKeyRow>> KeysAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!NeedsKey(_keys, now))
        {
            return _keys;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var keys = await store.LoadAllAsync(ct);
            // Another node may store the same generation first (TryInsert is false); reloading then picks up its key.
            for (var attempt = 0; attempt < 3 && NeedsKey(keys, now); attempt++)
            {
                var newest = keys.MaxBy(k => k.Generation);
                var notBefore = newest is null || newest.SignsUntil < now.UtcDateTime ? now.UtcDateTime : newest.SignsUntil;
                await store.TryInsertAsync(NewKey((newest?.Generation ?? 0) + 1, notBefore, now), ct);
                keys = await store.LoadAllAsync(ct);
            }

            _keys = keys;
            return keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>No key at all, or the newest key is within its publish-ahead window of retiring.</summary>
    private bool NeedsKey(IReadOnlyList<SigningKeyStore.SigningKeyRow> keys, DateTimeOffset now)
    {
        var newest = keys.MaxBy(k => k.Generation);
        return newest is null || now.UtcDateTime >= newest.SignsUntil - options.Value.KeyPublishAhead;
    }

    private SigningKeyStore.SigningKeyRow NewKey(int generation, DateTime notBefore, DateTimeOffset now)
    {
        var o = options.Value;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var signsUntil = notBefore + o.KeySigningPeriod;
        return new SigningKeyStore.SigningKeyRow(
            PublishedKey.KidOf(spki), generation, key.ExportPkcs8PrivateKey(), spki, notBefore, signsUntil, signsUntil + o.LongestQrLifetime, now.UtcDateTime);
    }

    public void Dispose() => _gate.Dispose();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
