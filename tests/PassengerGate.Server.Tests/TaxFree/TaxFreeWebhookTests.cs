using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.TaxFree;

/// <summary>
/// Confirmations out (issue 12 point 4, docs/taxfree-webhooks.md) over real HTTP and PostgreSQL: the outbox is written
/// with the decision, the dispatcher delivers it signed to the shop's endpoint (the receiver stand-in, which verifies
/// the signature), retries failures on the persisted schedule across a restart, and a record is decided once.
/// Retry delays are an hour here so nothing is retried on its own during a step; the test moves the service's clock
/// past each scheduled attempt instead of sleeping.
/// </summary>
public class TaxFreeWebhookTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(9));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static void Configure(IDictionary<string, string?> c)
    {
        c["TaxFree:Webhooks:FirstRetrySeconds"] = "3600";
        c["TaxFree:Webhooks:MaxRetrySeconds"] = "7200";
        c["TaxFree:Webhooks:PollSeconds"] = "0.1";
        c["TaxFree:Webhooks:TimeoutSeconds"] = "5";
        c["TaxFree:Webhooks:LeaseSeconds"] = "10";
    }

    private static async Task<string> AddShopAsync(RunningServer server, string shopId, Uri? webhook, byte[] secret)
    {
        var key = ShopApiKey.New();
        await server.Services.GetRequiredService<TaxFreeStore>().AddShopAsync(shopId, shopId, ShopApiKey.Hash(key), webhook?.ToString(), secret, Now, default);
        return key;
    }

    private static async Task SubmitAsync(RunningServer server, string key, string recordId, string passport)
    {
        using var http = server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/taxfree/records")
        {
            Content = new StringContent(TaxFreeShopApiTests.RecordJson(recordId, passport: passport), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonElement> ShowAsync(RunningServer server, string key, string recordId)
    {
        using var http = server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/taxfree/records/" + recordId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Task<bool> ConfirmAsync(RunningServer server, string shopId, params string[] recordIds) =>
        server.Services.GetRequiredService<DecideTaxFreeRecords>().DecideAsync(
            recordIds.Select(r => new DecideTaxFreeRecords.Verdict(shopId, r, TaxFreeRecordState.Confirmed, [])).ToList(), default);

    /// <summary>Waits for what another process does (the dispatcher's HTTP calls), checking often, failing after <see cref="Patience"/>.</summary>
    private static Task EventuallyAsync(Func<bool> condition, string what) => EventuallyAsync(() => Task.FromResult(condition()), what);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, "timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Each_confirmation_reaches_the_shop_exactly_once_though_it_fails_twice_and_the_service_restarts_between()
    {
        var clock = new ShiftedClock(Now);
        var secret = RandomNumberGenerator.GetBytes(32);
        await using var receiver = await WebhookReceiverStandIn.StartAsync("http://127.0.0.1:0", WebhookSignature.SecretText(secret), failFirst: 2, clock);
        var shopId = "wh-" + Guid.NewGuid().ToString("N")[..12];
        var first = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: Configure);
        string key;
        try
        {
            key = await AddShopAsync(first, shopId, receiver.Address, secret);
            await SubmitAsync(first, key, "W-1", "WH1000001");
            await SubmitAsync(first, key, "W-2", "WH1000001");

            Assert.True(await ConfirmAsync(first, shopId, "W-1", "W-2"));
            await EventuallyAsync(() => receiver.Requests.Count(r => r.Outcome == WebhookReceiverStandIn.Outcome.FailedOnPurpose) == 2, "each event failed once");

            var pending = (await ShowAsync(first, key, "W-1")).GetProperty("delivery");
            Assert.Equal("pending", pending.GetProperty("state").GetString());
            Assert.Equal(1, pending.GetProperty("attempts").GetInt32());
            Assert.Equal(500, pending.GetProperty("lastStatus").GetInt32());
            // Equal jitter over the first delay of an hour: the next attempt is 30 to 60 minutes after the failure.
            var next = pending.GetProperty("nextAttemptAt").GetDateTimeOffset();
            Assert.InRange(next, Now.AddMinutes(30), clock.GetUtcNow().AddMinutes(60));
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The schedule is in the database: a new service on it delivers nothing before the persisted time…
        await using var second = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: Configure);
        Assert.Equal(0, await second.Services.GetRequiredService<TaxFreeWebhookDispatcher>().DeliverDueAsync(default));
        Assert.Equal(2, receiver.Requests.Count);

        // …and resumes when it comes: the second attempt fails on purpose, the third is accepted.
        clock.Set(Now.AddHours(1));
        await EventuallyAsync(() => receiver.Requests.Count == 4, "each event failed twice");
        clock.Set(Now.AddHours(3));
        await EventuallyAsync(() => receiver.Accepted.Count == 2, "both events accepted");

        Assert.Equal(["W-1", "W-2"], receiver.Accepted.Values.Select(e => e.RecordId).Order(StringComparer.Ordinal));
        Assert.All(receiver.Accepted.Values, e => Assert.Equal(TaxFreeRecordState.Confirmed, e.Result));
        Assert.All(receiver.Requests, r => Assert.Equal(WebhookVerification.Valid, r.Verification));
        Assert.Equal(6, receiver.Requests.Count);
        Assert.DoesNotContain(receiver.Requests, r => r.Outcome == WebhookReceiverStandIn.Outcome.Duplicate);
        foreach (var eventId in receiver.Accepted.Keys)
        {
            Assert.Equal(
                [WebhookReceiverStandIn.Outcome.FailedOnPurpose, WebhookReceiverStandIn.Outcome.FailedOnPurpose, WebhookReceiverStandIn.Outcome.Accepted],
                receiver.Requests.Where(r => r.EventId == eventId).Select(r => r.Outcome));
        }

        var delivered = await ShowAsync(second, key, "W-1");
        Assert.Equal("confirmed", delivered.GetProperty("state").GetString());
        Assert.Equal("delivered", delivered.GetProperty("delivery").GetProperty("state").GetString());
        Assert.Equal(3, delivered.GetProperty("delivery").GetProperty("attempts").GetInt32());
        var w1 = receiver.Accepted.Values.Single(e => e.RecordId == "W-1");
        Assert.Equal(w1.EventId, delivered.GetProperty("delivery").GetProperty("eventId").GetGuid());
        Assert.Equal(w1.DecidedAt, delivered.GetProperty("decidedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_record_is_decided_once_and_a_second_decision_is_refused_without_a_second_event()
    {
        var clock = new ShiftedClock(Now);
        await using var server = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: Configure);
        var shopId = "once-" + Guid.NewGuid().ToString("N")[..12];
        var key = await AddShopAsync(server, shopId, null, new byte[32]);
        await SubmitAsync(server, key, "O-1", "WH2000002");
        await SubmitAsync(server, key, "O-2", "WH2000002");
        var decide = server.Services.GetRequiredService<DecideTaxFreeRecords>();

        Assert.True(await ConfirmAsync(server, shopId, "O-1"));
        var refuseAfterConfirm = await decide.DecideAsync([new(shopId, "O-1", TaxFreeRecordState.Refused, [TaxFreeReasonCode.ItemMissing])], default);
        // All or none: O-2 is not decided because O-1 in the same batch was decided already.
        var batchWithADecidedRecord = await ConfirmAsync(server, shopId, "O-2", "O-1");

        Assert.False(refuseAfterConfirm);
        Assert.False(batchWithADecidedRecord);
        var shown = await ShowAsync(server, key, "O-1");
        Assert.Equal("confirmed", shown.GetProperty("state").GetString());
        Assert.Empty(shown.GetProperty("reasons").EnumerateArray());
        Assert.Equal("open", (await ShowAsync(server, key, "O-2")).GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, (await ShowAsync(server, key, "O-2")).GetProperty("delivery").ValueKind);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{shopId}'"));
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_is_refused_by_the_receiver_and_stays_pending()
    {
        var clock = new ShiftedClock(Now);
        await using var receiver = await WebhookReceiverStandIn.StartAsync("http://127.0.0.1:0", WebhookSignature.SecretText(RandomNumberGenerator.GetBytes(32)), failFirst: 0, clock);
        await using var server = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: Configure);
        var shopId = "sig-" + Guid.NewGuid().ToString("N")[..12];
        var key = await AddShopAsync(server, shopId, receiver.Address, RandomNumberGenerator.GetBytes(32));
        await SubmitAsync(server, key, "S-1", "WH3000003");

        Assert.True(await ConfirmAsync(server, shopId, "S-1"));
        await EventuallyAsync(() => receiver.Requests.Count == 1, "the delivery arrived");

        Assert.Equal(WebhookReceiverStandIn.Outcome.BadSignature, receiver.Requests[0].Outcome);
        Assert.Equal(WebhookVerification.SignatureMismatch, receiver.Requests[0].Verification);
        Assert.Empty(receiver.Accepted);
        await EventuallyAsync(async () => await db.ScalarAsync<int>($"SELECT coalesce(last_status, 0) FROM taxfree_outbox WHERE shop_id = '{shopId}'") == 401, "the failure was recorded");
        var delivery = (await ShowAsync(server, key, "S-1")).GetProperty("delivery");
        Assert.Equal("pending", delivery.GetProperty("state").GetString());
        Assert.Equal(401, delivery.GetProperty("lastStatus").GetInt32());
    }
}
