using Npgsql;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Sessions;
using PassengerGate.TestSupport;

namespace PassengerGate.Data.Tests.Arrival;

public class PersonalDataStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Day0 = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        Assert.True(DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        await new KioskStore(_dataSource).RegisterAsync("K1", new byte[32], "", Day0, default);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Finished_sessions_past_retention_lose_their_personal_data_but_keep_the_audit_trail()
    {
        var sessions = new ArrivalSessionStore(_dataSource);
        var old = await RefuseAsync(sessions, Day0, "OLD000001");
        var recent = await RefuseAsync(sessions, Day0.AddDays(29), "NEW000001");
        var open = Guid.NewGuid();
        await sessions.OpenAsync(open, "K1", Day0, default);

        var counts = await new PersonalDataStore(_dataSource).PurgeFinishedBeforeAsync(Day0.AddDays(10), Day0.AddDays(40), default);

        Assert.Equal(1, counts.Sessions);
        Assert.Null(await db.ScalarAsync<string>($"SELECT document_number FROM arrival_sessions WHERE session_id = '{old}'"));
        Assert.Null(await db.ScalarAsync<string>($"SELECT holder_name FROM arrival_sessions WHERE session_id = '{old}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM arrival_sessions WHERE session_id = '{old}' AND facts::text LIKE '%OLD000001%'"));
        Assert.Equal("NEW000001", await db.ScalarAsync<string>($"SELECT document_number FROM arrival_sessions WHERE session_id = '{recent}'"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM session_transitions WHERE session_id = '{old}'"));
        Assert.Equal("Opened", await db.ScalarAsync<string>($"SELECT state FROM arrival_sessions WHERE session_id = '{open}'"));
    }

    private static async Task<Guid> RefuseAsync(ArrivalSessionStore sessions, DateTimeOffset at, string documentNumber)
    {
        var id = Guid.NewGuid();
        await sessions.OpenAsync(id, "K1", at, default);
        var session = ArrivalSession.Restore(id, "K1", ArrivalState.Opened, 0);
        session.Abandon("test", at, new SessionReason("SESSION_ABANDONED", "left"));
        await sessions.SaveAsync(new ArrivalSessionStore.SaveRequest(session, 0, documentNumber, "SOME NAME", null, null, at) { FactsJson = $$$"""{"document":{"mrzLines":["{{{documentNumber}}}"]}}""" }, default);
        return id;
    }
}
