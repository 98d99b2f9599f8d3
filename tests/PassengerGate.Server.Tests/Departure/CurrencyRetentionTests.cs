using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Features.PaymentMeans;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Departure;

/// <summary>
/// Retention of currency declarations (decision 0022 after FATF R.32 INR para. 6): what is over the threshold, false
/// or suspicious is kept for the long period; everything else goes after the short one; restrained cash not yet
/// released is never purged. The purge job's cut-offs come from its configuration and the service clock.
/// </summary>
public sealed class CurrencyRetentionTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly ShiftedClock _clock = new(TimeProvider.System.GetUtcNow());
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock, configure: c =>
        {
            c["Staff:SignInAttemptsPerMinute"] = "1000";
            c["Currency:Retention"] = "30.00:00:00";
            c["Currency:KeptRetention"] = "1825.00:00:00";
        });
        await _server.ImportTestRatesAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Plain_declarations_go_after_30_days_kept_ones_after_five_years_and_restrained_cash_stays_until_released()
    {
        var departure = await _server.SignInAsync("rt-departure", await _server.EnsureStaffAsync("rt-departure", StaffRole.Departure, "NRT"));
        await using var desk = _server.DepartureConnection(departure);
        await desk.StartAsync();
        var today = _server.AirportToday();
        async Task<long> DeclareAsync(string name, decimal yen) => (await desk.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
            DepartureSupport.DepartureJson(today, name, name.Replace(" ", "", StringComparison.Ordinal), null, null, ("JPY", yen))))).Id!.Value;

        var under = await DeclareAsync("UNDER ONE", 300_000m);
        var over = await DeclareAsync("OVER ONE", 2_000_000m);
        var restrained = await DeclareAsync("FALSE ONE", 1_500_000m);
        await desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.RecordCount), new RecordCountRequest(restrained, [new CountedAmount("$.instruments[0]", 3_000_000m)]));
        await desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(restrained, DepartureOutcome.FalseDeclaration, "unknown", "unknown", 3_000_000m, null));
        var purge = _server.Services.GetRequiredService<PurgeCurrencyDeclarations>();
        async Task<long[]> LeftAsync() => [.. (await db.ScalarAsync<string>("SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM currency_declarations"))!
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse)];

        // 29 days on nothing goes; 31 days on the one under the threshold goes.
        _clock.Set(TimeProvider.System.GetUtcNow().AddDays(29));
        Assert.Equal((0, 0), await purge.PurgeOnceAsync(default));
        _clock.Set(TimeProvider.System.GetUtcNow().AddDays(31));
        Assert.Equal((1, 0), await purge.PurgeOnceAsync(default));
        Assert.Equal(new[] { over, restrained }, await LeftAsync());
        Assert.DoesNotContain(under, await LeftAsync());

        // Five years and a day on: the over-threshold one goes; the restrained cash still held keeps its declaration.
        _clock.Set(TimeProvider.System.GetUtcNow().AddDays(1826));
        Assert.Equal((0, 1), await purge.PurgeOnceAsync(default));
        Assert.Equal(new[] { restrained }, await LeftAsync());

        // Once released, it goes too. (Released through the store: five years on, the desk's sign-in has long expired.)
        var store = _server.Services.GetRequiredService<CurrencyDeclarationStore>();
        Assert.True(await store.ReleaseAsync(restrained, _clock.GetUtcNow(), new PassengerGate.Data.Audit.AuditRecord(_clock.GetUtcNow(), "rt-departure", "staff", "currency.cash_released", $"currency:CD-{restrained:D6}", "NRT", null), default));
        Assert.Equal((0, 1), await purge.PurgeOnceAsync(default));
        Assert.Empty(await LeftAsync());
        Assert.Null(await store.LoadAsync(restrained, default));
    }
}
