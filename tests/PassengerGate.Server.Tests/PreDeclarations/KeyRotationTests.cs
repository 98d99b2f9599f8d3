using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Server.Features.PreDeclarations;
using PassengerGate.Server.Tests.Contracts;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>Signing keys on a real database and a fake clock: the newest key signs, retired keys verify until they expire.</summary>
public class KeyRotationTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // The defaults of PreDeclarationOptions, spelt out so the arithmetic below can be followed.
    private static readonly PreDeclarationOptions Options = new()
    {
        KeySigningPeriod = TimeSpan.FromDays(30),
        KeyPublishAhead = TimeSpan.FromDays(2),
        MaxDaysAhead = 2,
    };

    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var outcome = DatabaseMigrator.Migrate(db.ConnectionString);
        Assert.True(outcome.Successful, outcome.Error);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        await using var command = _dataSource.CreateCommand("TRUNCATE predeclaration_signing_keys");
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private SigningKeyRing Ring(TimeProvider clock) => new(new SigningKeyStore(_dataSource), clock, Microsoft.Extensions.Options.Options.Create(Options));

    private static string Sign(SigningKeyRing.CurrentKey key, DateTimeOffset issuedAt)
    {
        using var signer = ECDsa.Create();
        signer.ImportPkcs8PrivateKey(key.PrivateKeyPkcs8, out _);
        return PreDeclarationQrCodec.Encode(new PreDeclarationClaims("test", issuedAt, issuedAt.AddHours(72), Guid.NewGuid(), SampleDeclaration.Json), key.Kid, signer);
    }

    [Fact]
    public async Task The_first_key_is_made_on_first_use_and_kept_across_restarts()
    {
        var clock = new FakeTimeProvider(Start);
        using var first = Ring(clock);
        var key = await first.CurrentAsync(default);

        clock.Advance(TimeSpan.FromDays(1));
        using var afterRestart = Ring(clock);

        Assert.Equal(key.Kid, (await afterRestart.CurrentAsync(default)).Kid);
        var published = Assert.Single(await afterRestart.PublishedAsync(default));
        Assert.Equal(key.Kid, published.Kid);
        Assert.Equal(PublishedKey.KidOf(published.SubjectPublicKeyInfo), published.Kid);
        Assert.Equal(Start, published.NotBefore);
        // not_after = not_before + 30 days of signing + the longest QR: issued at the first instant of a day for the
        // last day of the window (MaxDaysAhead 2, so 3 whole days) + 1 h for a daylight-saving day (decision 0017).
        Assert.Equal(Start.AddDays(33).AddHours(1), published.NotAfter);
    }

    [Fact]
    public async Task The_newest_key_signs_and_the_retired_key_still_verifies_until_it_expires()
    {
        var clock = new FakeTimeProvider(Start);
        using var ring = Ring(clock);
        var old = await ring.CurrentAsync(default);

        // Day 28 + 1 h: inside the 2-day publish-ahead window before day 30. A successor is published, the old key still signs.
        clock.SetUtcNow(Start.AddDays(28).AddHours(1));
        var published = await ring.PublishedAsync(default);
        Assert.Equal(2, published.Count);
        Assert.Equal(old.Kid, (await ring.CurrentAsync(default)).Kid);
        var successor = published.Single(k => k.Kid != old.Kid);
        Assert.Equal(Start.AddDays(30), successor.NotBefore);
        var signedByOld = Sign(old, clock.GetUtcNow());

        // Day 30 + 1 h: the successor signs; a kiosk holding the list published on day 28 verifies both QRs.
        clock.SetUtcNow(Start.AddDays(30).AddHours(1));
        var current = await ring.CurrentAsync(default);
        Assert.Equal(successor.Kid, current.Kid);
        var signedByNew = Sign(current, clock.GetUtcNow());
        Assert.True(PreDeclarationQrCodec.Verify(signedByOld, published, clock.GetUtcNow()).IsValid);
        Assert.True(PreDeclarationQrCodec.Verify(signedByNew, published, clock.GetUtcNow()).IsValid);
        Assert.True(PreDeclarationQrCodec.Verify(signedByOld, await ring.PublishedAsync(default), clock.GetUtcNow()).IsValid);

        // Day 33 + 2 h: past the old key's not_after (day 30 + 3 days + 1 h); it is no longer published.
        clock.SetUtcNow(Start.AddDays(33).AddHours(2));
        var later = await ring.PublishedAsync(default);
        Assert.DoesNotContain(later, k => k.Kid == old.Kid);
        Assert.Contains(later, k => k.Kid == successor.Kid);
    }

    [Fact]
    public async Task Two_service_nodes_rotating_at_once_agree_on_one_successor()
    {
        var clock = new FakeTimeProvider(Start);
        using var nodeA = Ring(clock);
        using var nodeB = Ring(clock);
        var first = await nodeA.CurrentAsync(default);
        Assert.Equal(first.Kid, (await nodeB.CurrentAsync(default)).Kid);

        clock.SetUtcNow(Start.AddDays(29));
        var fromA = await nodeA.PublishedAsync(default);
        var fromB = await nodeB.PublishedAsync(default);

        Assert.Equal(2, fromA.Count);
        Assert.Equal(fromA.Select(k => k.Kid), fromB.Select(k => k.Kid));
    }

    [Fact]
    public async Task After_a_long_outage_a_new_key_signs_at_once()
    {
        var clock = new FakeTimeProvider(Start);
        using var ring = Ring(clock);
        var old = await ring.CurrentAsync(default);

        clock.SetUtcNow(Start.AddDays(90));
        var now = await ring.CurrentAsync(default);

        Assert.NotEqual(old.Kid, now.Kid);
        var published = await ring.PublishedAsync(default);
        Assert.Equal(Start.AddDays(90), published.Single(k => k.Kid == now.Kid).NotBefore);
        Assert.DoesNotContain(published, k => k.Kid == old.Kid);
    }
}
