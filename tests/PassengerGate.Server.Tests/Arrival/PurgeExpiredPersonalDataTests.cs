using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// Retention without gaps (issue 8 point 9, decision 0008): stored command answers go after a day, advance passenger
/// records the airport day after their flight's arrival day (EU Directive 2004/82/EC art. 6(1): deleted within
/// 24 hours unless needed), counted in the airport's days (Asia/Tokyo, UTC+9), not UTC ones.
/// </summary>
public sealed class PurgeExpiredPersonalDataTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    // 08:59 on 1 December in Japan; the UTC date is still 30 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var outcome = DatabaseMigrator.Migrate(db.ConnectionString);
        Assert.True(outcome.Successful, outcome.Error);
        _dataSource = NpgsqlDataSource.Create(db.ConnectionString);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private PurgeExpiredPersonalData Purge(TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        return new PurgeExpiredPersonalData(
            new PersonalDataStore(_dataSource), new RiskDataStore(_dataSource), new AirportClock(clock, configuration[AirportClock.TimeZoneSetting]), clock, configuration, NullLogger<PurgeExpiredPersonalData>.Instance);
    }

    [Fact]
    public async Task Advance_passenger_records_go_once_the_airport_day_after_arrival_is_over()
    {
        var risk = new RiskDataStore(_dataSource);
        await risk.ImportApisAsync(
            [
                new AdvancePassengerRecord("ZZ101", new DateOnly(2026, 11, 29), "OLD TRAVELLER", "AP0000001", "JPN", ""),
                new AdvancePassengerRecord("ZZ101", new DateOnly(2026, 11, 30), "YESTERDAY TRAVELLER", "AP0000002", "JPN", ""),
                new AdvancePassengerRecord("ZZ101", new DateOnly(2026, 12, 1), "TODAY TRAVELLER", "AP0000003", "JPN", ""),
            ],
            Now,
            default);

        var counts = await Purge(new FakeTimeProvider(Now)).PurgeAsync(default);

        // Today in Japan is 1 December: 29 November is over a day past and goes; 30 November (yesterday) stays.
        Assert.Equal(1, counts.AdvancePassengerRecords);
        Assert.Empty(await risk.FindApisByDocumentAsync("AP0000001", new DateOnly(2026, 11, 29), default));
        Assert.Single(await risk.FindApisByDocumentAsync("AP0000002", new DateOnly(2026, 11, 30), default));
        Assert.Single(await risk.FindApisByDocumentAsync("AP0000003", new DateOnly(2026, 12, 1), default));
    }

    [Fact]
    public async Task Stored_command_answers_go_after_a_day_and_younger_ones_stay()
    {
        var session = Guid.NewGuid();
        var old = Guid.NewGuid();
        var young = Guid.NewGuid();
        await db.ScalarAsync<int>($$"""
            INSERT INTO kiosks (kiosk_id, credential_hash, registered_at) VALUES ('PURGE-K1', decode(repeat('ab', 32), 'hex'), now()) ON CONFLICT DO NOTHING;
            INSERT INTO arrival_sessions (session_id, kiosk_id, state, opened_at, updated_at) VALUES ('{{session}}', 'PURGE-K1', 'Opened', now(), now());
            INSERT INTO processed_commands (command_id, session_id, response, processed_at) VALUES
                ('{{old}}', '{{session}}', '{"lane":"red"}', '{{Now.AddHours(-25):O}}'),
                ('{{young}}', '{{session}}', '{"lane":"red"}', '{{Now.AddHours(-23):O}}');
            SELECT 1;
            """);

        var counts = await Purge(new FakeTimeProvider(Now)).PurgeAsync(default);

        Assert.True(counts.CommandAnswers >= 1);
        var store = new ArrivalSessionStore(_dataSource);
        Assert.Null(await store.FindResponseAsync(old, default));
        Assert.NotNull(await store.FindResponseAsync(young, default));
    }
}
