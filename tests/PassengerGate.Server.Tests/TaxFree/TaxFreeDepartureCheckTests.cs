using System.Security.Cryptography;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.TaxFree;

/// <summary>
/// The departure check's end (issue 12 points 2, 4, 5) on the real service and PostgreSQL: green confirms every
/// confirmable record and the shop's endpoint receives each confirmation; red decides nothing. The service's clock is
/// 2027-02-05 10:00 in Tokyo. Expected statuses from DOMAIN.md §5 and docs/taxfree-rules.md: bought 1 Nov 2026 ⇒ last
/// day 30 Jan 2027 ⇒ expired; bought 20 Dec 2026 ⇒ confirmable until 20 Mar 2027; ¥4,999 at one shop on one day ⇒
/// below the ¥5,000 floor; a unit price of ¥1,000,000 or more ⇒ red (inspection of identifying details).
/// Random selection is off (TaxFree:LaneRules:RandomRate = 0) so each lane follows the records alone.
/// </summary>
public class TaxFreeDepartureCheckTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2027, 2, 5, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_green_traveller_gets_every_confirmable_record_confirmed_and_the_shop_receives_each_once()
    {
        var clock = new ShiftedClock(Now);
        var secret = RandomNumberGenerator.GetBytes(32);
        await using var receiver = await WebhookReceiverStandIn.StartAsync("http://127.0.0.1:0", WebhookSignature.SecretText(secret), failFirst: 0, clock);
        await using var server = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: c => c["TaxFree:LaneRules:RandomRate"] = "0");
        var shopId = "dg-" + Guid.NewGuid().ToString("N")[..12];
        var key = ShopApiKey.New();
        await server.Services.GetRequiredService<TaxFreeStore>().AddShopAsync(shopId, shopId, ShopApiKey.Hash(key), receiver.Address.ToString(), secret, Now, default);
        await server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("G-OLD", "2026-11-01T14:00:00+09:00", passport: "DG1000001"));
        await server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("G-NEW", "2026-12-20T14:00:00+09:00", passport: "DG1000001"));
        await server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("G-SMALL", "2027-01-10T14:00:00+09:00", unitPrice: 4_999, passport: "DG1000001"));
        var check = server.Services.GetRequiredService<TaxFreeDepartureCheck>();

        var shown = await check.CheckAsync("DG1000001", "USA", default);
        var finished = await check.FinishAsync("DG1000001", "USA", "NRT", default);

        Assert.Equal(TaxFreeLaneCode.Green, shown.Lane);
        Assert.False(shown.ExportConfirmed);
        var byId = shown.Records.ToDictionary(r => r.RecordId);
        Assert.Equal(TaxFreeRecordCheckStatus.Expired, byId["G-OLD"].Status);
        Assert.Equal([TaxFreeReasonCode.ConfirmationWindowOver], byId["G-OLD"].Reasons);
        Assert.Equal(new DateOnly(2027, 1, 30), byId["G-OLD"].LastConfirmableDay);
        Assert.Equal(TaxFreeRecordCheckStatus.Confirmable, byId["G-NEW"].Status);
        Assert.Equal(TaxFreeRecordCheckStatus.Excluded, byId["G-SMALL"].Status);
        Assert.Equal([TaxFreeReasonCode.BelowFloor], byId["G-SMALL"].Reasons);
        Assert.True(finished.ExportConfirmed);
        Assert.Equal(TaxFreeLaneCode.Green, finished.Lane);

        await receiver.WaitForResultAsync("G-NEW");

        var confirmation = Assert.Single(receiver.Accepted.Values);
        Assert.Equal("G-NEW", confirmation.RecordId);
        Assert.Equal(TaxFreeRecordState.Confirmed, confirmation.Result);
        Assert.Equal("confirmed", await db.ScalarAsync<string>($"SELECT state FROM taxfree_records WHERE shop_id = '{shopId}' AND record_id = 'G-NEW'"));
        Assert.Equal("open", await db.ScalarAsync<string>($"SELECT state FROM taxfree_records WHERE shop_id = '{shopId}' AND record_id = 'G-OLD'"));
        // Finishing again (a repeated call) confirms nothing twice and shows the record as confirmed.
        var again = await check.FinishAsync("DG1000001", "USA", "NRT", default);
        Assert.Equal(TaxFreeRecordCheckStatus.Confirmed, again.Records.Single(r => r.RecordId == "G-NEW").Status);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{shopId}'"));
    }

    [Fact]
    public async Task A_red_traveller_leaves_every_record_open_for_the_inspection()
    {
        var clock = new ShiftedClock(Now);
        await using var server = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: c => c["TaxFree:LaneRules:RandomRate"] = "0");
        var shopId = "dr-" + Guid.NewGuid().ToString("N")[..12];
        var key = ShopApiKey.New();
        await server.Services.GetRequiredService<TaxFreeStore>().AddShopAsync(shopId, shopId, ShopApiKey.Hash(key), null, new byte[32], Now, default);
        await server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("R-WATCH", "2027-01-20T14:00:00+09:00", unitPrice: 1_200_000, passport: "DR2000002"));
        await server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("R-BAG", "2027-01-21T14:00:00+09:00", passport: "DR2000002"));

        var finished = await server.Services.GetRequiredService<TaxFreeDepartureCheck>().FinishAsync("DR2000002", "USA", "NRT", default);

        Assert.Equal(TaxFreeLaneCode.Red, finished.Lane);
        Assert.False(finished.ExportConfirmed);
        Assert.All(finished.Records, r => Assert.Equal(TaxFreeRecordCheckStatus.Confirmable, r.Status));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{shopId}'"));
        Assert.Equal(2, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_records WHERE shop_id = '{shopId}' AND state = 'open'"));
    }
}
