using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PassengerGate.Data.Jobs;
using PassengerGate.Data.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.TaxFree;

/// <summary>
/// The traveller's identifiers on tax-free records are kept five years after the record's decision, or its purchase when it
/// was never decided, then removed (docs/taxfree-rules.md §7: the period in which consumption tax may still be assessed,
/// National Tax General Rules Act art. 70); a record under an inspection still open keeps them. The service's clock is
/// 2027-02-05 10:00 in Tokyo; 1,825 days (5 × 365, TaxFree:Retention's default) are counted from there by hand.
/// </summary>
public class PurgeTaxFreePersonalDataTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2027, 2, 5, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Identifiers_go_five_years_after_the_decision_or_the_purchase_and_stay_while_an_inspection_is_open()
    {
        var clock = new ShiftedClock(Now);
        await using var server = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: c => c["TaxFree:LaneRules:RandomRate"] = "0");
        var (shopId, key) = await server.AddShopAsync("pp", null, new byte[32], Now.ToUniversalTime());
        const string watch = """,{"description":"Watch","quantity":1,"unitPrice":30000,"tax":3000,"brand":"W","model":"X-1","serial":"SN-123"}""";
        await server.SubmitRecordAsync(key, TaxFreeSupport.RecordJson("P-OLD", "2027-01-20T14:00:00+09:00", passport: "PP1000001", extraItem: watch));
        await server.SubmitRecordAsync(key, TaxFreeSupport.RecordJson("P-OPEN", "2027-02-01T14:00:00+09:00", passport: "PP1000002"));
        await server.SubmitRecordAsync(key, TaxFreeSupport.RecordJson("P-INSPECT", "2027-01-25T14:00:00+09:00", unitPrice: 1_200_000, passport: "PP1000003"));
        var check = server.Services.GetRequiredService<TaxFreeDepartureCheck>();
        Assert.True((await check.FinishAsync("PP1000001", "USA", "NRT", default)).ExportConfirmed);
        Assert.Equal(PassengerGate.Contracts.TaxFree.TaxFreeLaneCode.Red, (await check.FinishAsync("PP1000003", "USA", "NRT", default)).Lane);

        // An hour short of five years after the decision: only the record never decided (bought 1 Feb 2027) goes.
        Assert.Equal(1, await PurgeAt(Now.AddDays(1825).AddHours(-1)));
        Assert.Equal("P-OPEN", await PurgedAsync(shopId));

        // An hour past: the confirmed record goes too; the one still on the inspection list keeps its passport.
        Assert.Equal(1, await PurgeAt(Now.AddDays(1825).AddHours(1)));
        Assert.Equal("P-OLD,P-OPEN", await PurgedAsync(shopId));
        Assert.Equal("PP1000003|USA", await db.ScalarAsync<string>($"SELECT passport_number || '|' || nationality FROM taxfree_records WHERE shop_id = '{shopId}' AND record_id = 'P-INSPECT'"));

        // Gone: the passport, the nationality, the serial number; kept: the goods, the amounts and the result.
        Assert.Equal("|", await db.ScalarAsync<string>($"SELECT passport_number || '|' || nationality FROM taxfree_records WHERE shop_id = '{shopId}' AND record_id = 'P-OLD'"));
        Assert.Equal("[null, null]|Handbag,Watch|W", await db.ScalarAsync<string>(
            $"SELECT (SELECT jsonb_agg(i->'serial') FROM jsonb_array_elements(items) i)::text || '|' || (SELECT string_agg(i->>'description', ',') FROM jsonb_array_elements(items) i) || '|' || (items->1->>'brand') FROM taxfree_records WHERE shop_id = '{shopId}' AND record_id = 'P-OLD'"));
        Assert.Empty(await server.Services.GetRequiredService<TaxFreeStore>().ForTravellerAsync("PP1000001", "USA", default));

        // The shop can still ask for the result.
        using var http = server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/taxfree/records/P-OLD");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"confirmed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        async Task<int> PurgeAt(DateTimeOffset at)
        {
            await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
            var job = new PurgeTaxFreePersonalData(new TaxFreeStore(dataSource), new FakeTimeProvider(at), Microsoft.Extensions.Options.Options.Create(new TaxFreeRetentionOptions()),
                new JobRunStore(dataSource), NullLogger<PurgeTaxFreePersonalData>.Instance);
            return await job.PurgeOnceAsync(default);
        }
    }

    private Task<string?> PurgedAsync(string shopId) =>
        db.ScalarAsync<string>($"SELECT string_agg(record_id, ',' ORDER BY record_id) FROM taxfree_records WHERE shop_id = '{shopId}' AND personal_data_purged_at IS NOT NULL");
}
