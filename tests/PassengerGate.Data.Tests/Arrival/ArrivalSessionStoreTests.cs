using Npgsql;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Sessions;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.Arrival;

public class ArrivalSessionStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;
    private ArrivalSessionStore _store = null!;

    public async Task InitializeAsync()
    {
        Assert.True(DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        await new KioskStore(_dataSource).RegisterAsync("K1", new byte[32], "", At, default);
        await new KioskStore(_dataSource).RegisterAsync("K2", new byte[32], "", At, default);
        _store = new ArrivalSessionStore(_dataSource);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Opening_the_same_session_twice_stores_it_once()
    {
        var id = Guid.NewGuid();
        await _store.OpenAsync(id, "K1", At, default);
        var again = await _store.OpenAsync(id, "K2", At.AddSeconds(5), default);

        Assert.Equal("K1", again.KioskId);
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{id}'"));
    }

    [Fact]
    public async Task A_referral_is_stored_with_its_transitions_and_the_command_answer_in_one_save()
    {
        var id = Guid.NewGuid();
        await _store.OpenAsync(id, "K1", At, default);
        var session = ArrivalSession.Restore(id, "K1", ArrivalState.Opened, 0);
        session.Refer([new SessionReason("MRZ_CHECK_DIGIT", "bad digit")], "test", At);
        var command = Guid.NewGuid();

        var referral = await _store.SaveAsync(new ArrivalSessionStore.SaveRequest(session, 0, "L898902C3", "ERIKSSON ANNA", command, "{\"lane\":\"red\"}", At), default);

        Assert.NotNull(referral);
        Assert.Equal("L898902C3", referral.DocumentNumber);
        Assert.Contains("MRZ_CHECK_DIGIT", referral.Reasons, StringComparison.Ordinal);
        Assert.Equal("{\"lane\": \"red\"}", (await _store.FindResponseAsync(command, default))?.Response);
        var transitions = await _store.LoadTransitionsAsync(id, default);
        var only = Assert.Single(transitions);
        Assert.Equal(ArrivalState.Referred, only.To);
        Assert.Equal("MRZ_CHECK_DIGIT", Assert.Single(only.Reasons).Code);
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_is_refused_and_writes_nothing()
    {
        var id = Guid.NewGuid();
        await _store.OpenAsync(id, "K1", At, default);
        var first = ArrivalSession.Restore(id, "K1", ArrivalState.Opened, 0);
        var stale = ArrivalSession.Restore(id, "K1", ArrivalState.Opened, 0);
        first.AcceptDocument("test", At);
        stale.Refer([new SessionReason("X", "x")], "test", At);

        await _store.SaveAsync(new ArrivalSessionStore.SaveRequest(first, 0, null, null, Guid.NewGuid(), "{}", At), default);
        var staleCommand = Guid.NewGuid();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _store.SaveAsync(new ArrivalSessionStore.SaveRequest(stale, 0, "STALE0001", "STALE COPY", staleCommand, "{}", At) { FactsJson = "{\"stale\": true}" }, default));

        Assert.Null(await _store.FindResponseAsync(staleCommand, default));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{id}' AND (document_number IS NOT NULL OR facts ? 'stale')"));

        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM referrals WHERE session_id = '{id}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM session_transitions WHERE session_id = '{id}'"));
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_altered()
    {
        var id = Guid.NewGuid();
        await _store.OpenAsync(id, "K1", At, default);
        var session = ArrivalSession.Restore(id, "K1", ArrivalState.Opened, 0);
        session.AcceptDocument("test", At);
        await _store.SaveAsync(new ArrivalSessionStore.SaveRequest(session, 0, null, null, null, null, At), default);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<long>($"DELETE FROM session_transitions WHERE session_id = '{id}'"));
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }
}
