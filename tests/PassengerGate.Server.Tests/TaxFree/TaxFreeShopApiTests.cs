using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.Staff;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.TaxFree;

/// <summary>
/// The shop API for tax-free purchase records over real HTTP and PostgreSQL (issue 12, docs/decisions/0021). Expected
/// values come from DOMAIN.md §3/§5 and docs/taxfree-rules.md: bought 1 Nov 2026 ⇒ last day 30 Jan 2027; floor ¥5,000
/// per shop per day; bullion excluded. The service's clock is 2026-11-20 12:00 in Tokyo.
/// </summary>
public class TaxFreeShopApiTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(9));
    private readonly ShiftedClock _clock = new(Now);
    private RunningServer _server = null!;
    private string _keyA = "";
    private string _keyB = "";
    private readonly string _shopA = "a-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _shopB = "b-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");
        // The class's database lives on across its tests: each test has its own shops.
        _keyA = await AddShopAsync(_shopA);
        _keyB = await AddShopAsync(_shopB);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> AddShopAsync(string shopId)
    {
        var key = ShopApiKey.New();
        await _server.Services.GetRequiredService<TaxFreeStore>().AddShopAsync(shopId, shopId, ShopApiKey.Hash(key), null, new byte[32], Now, default);
        return key;
    }

    internal static string RecordJson(string recordId, string purchasedAt = "2026-11-01T14:00:00+09:00", long unitPrice = 60_000, string passport = "TF1234567", string extraItem = "") =>
        TaxFreeSupport.RecordJson(recordId, purchasedAt, unitPrice, passport, extraItem);

    private async Task<HttpResponseMessage> PostAsync(string json, string? key)
    {
        using var http = _server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/taxfree/records") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string recordId, string? key, StaffSession? staff = null)
    {
        using var http = _server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/taxfree/records/" + recordId);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return staff is null ? await http.SendAsync(request) : await staff.SendAsync(http, request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_record_bought_on_1_November_is_accepted_and_confirmable_until_30_January()
    {
        using var response = await PostAsync(RecordJson("A-1101"), _keyA);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("open", body.GetProperty("state").GetString());
        Assert.Equal("refund", body.GetProperty("regime").GetString());
        Assert.Equal("2026-11-01", body.GetProperty("purchaseDay").GetString());
        Assert.Equal("2027-01-30", body.GetProperty("lastConfirmableDay").GetString());
        Assert.Empty(body.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task The_same_record_again_gets_the_same_answer_and_other_content_under_its_id_is_refused()
    {
        using var first = await PostAsync(RecordJson("A-IDEM"), _keyA);
        var firstBody = await first.Content.ReadAsStringAsync();
        // The same content with other spacing is the same record.
        using var again = await PostAsync(RecordJson("A-IDEM").Replace("\n", " ", StringComparison.Ordinal), _keyA);
        using var other = await PostAsync(RecordJson("A-IDEM", unitPrice: 70_000), _keyA);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM taxfree_records WHERE record_id = 'A-IDEM' AND shop_id = '" + _shopA + "'"));
    }

    [Fact]
    public async Task An_invalid_record_gets_every_field_error_as_RFC_9457_problem_details()
    {
        const string Json = """
            {"recordId":"A-BAD","passportNumber":"TF1234567","nationality":"QQQ","purchasedAt":"2026-11-01T14:00:00",
             "items":[{"description":"Bag","quantity":0,"tax":10}]}
            """;

        using var response = await PostAsync(Json, _keyA);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal("urn:passengergate:problem:taxfree-record-refused", body.GetProperty("type").GetString());
        var paths = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "$.nationality", "$.purchasedAt", "$.items[0].quantity", "$.items[0].unitPrice" }, paths);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM taxfree_records WHERE record_id = 'A-BAD' AND shop_id = '" + _shopA + "'"));
    }

    [Fact]
    public async Task Below_the_floor_and_bullion_are_answered_ineligible_with_their_reasons()
    {
        using var small = await PostAsync(RecordJson("A-SMALL", unitPrice: 4_999, passport: "TF7654321"), _keyA);
        using var bullion = await PostAsync(RecordJson("A-GOLD", extraItem: """,{"description":"Gold bar 100 g","quantity":1,"unitPrice":1500000,"tax":150000,"brand":"Mint","model":"100g","category":"bullion"}"""), _keyA);

        var smallBody = await JsonAsync(small);
        Assert.Equal("ineligible", smallBody.GetProperty("state").GetString());
        Assert.Equal(["belowFloor"], smallBody.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var bullionBody = await JsonAsync(bullion);
        Assert.Equal(["excludedGoods"], bullionBody.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_record_is_shown_only_to_the_shop_that_submitted_it()
    {
        using var posted = await PostAsync(RecordJson("A-MINE"), _keyA);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var kiosk = await _server.RegisterKioskAsync("NRT-TF-API");
        var staff = new Dictionary<string, StaffSession>();
        foreach (var (name, role) in new[] { ("tf-officer", StaffRole.Officer), ("tf-departure", StaffRole.Departure), ("tf-supervisor", StaffRole.Supervisor) })
        {
            staff[name] = await _server.SignInAsync(name, await _server.EnsureStaffAsync(name, role, "NRT"));
        }

        using var own = await GetAsync("A-MINE", _keyA);
        using var otherShop = await GetAsync("A-MINE", _keyB);
        using var anonymous = await GetAsync("A-MINE", null);
        using var kioskCaller = await GetAsync("A-MINE", kiosk);
        using var madeUpKey = await GetAsync("A-MINE", ShopApiKey.New());

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("open", (await JsonAsync(own)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, otherShop.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, kioskCaller.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, madeUpKey.StatusCode);
        foreach (var session in staff.Values)
        {
            using var asStaff = await GetAsync("A-MINE", null, session);
            Assert.Equal(HttpStatusCode.Unauthorized, asStaff.StatusCode);
        }
    }

    [Fact]
    public async Task Another_shop_may_use_the_same_record_id_for_its_own_record()
    {
        using var a = await PostAsync(RecordJson("SHARED-ID"), _keyA);
        using var b = await PostAsync(RecordJson("SHARED-ID", unitPrice: 80_000), _keyB);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
    }

    [Fact]
    public async Task Submitting_without_a_valid_key_or_with_a_revoked_one_is_refused()
    {
        var revoked = await AddShopAsync(_shopB + "-r");
        await _server.Services.GetRequiredService<TaxFreeStore>().RevokeShopAsync(_shopB + "-r", Now, default);
        var kiosk = await _server.RegisterKioskAsync("NRT-TF-API2");

        using var anonymous = await PostAsync(RecordJson("A-NOKEY"), null);
        using var revokedKey = await PostAsync(RecordJson("A-REVOKED"), revoked);
        using var kioskKey = await PostAsync(RecordJson("A-KIOSK"), kiosk);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, kioskKey.StatusCode);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM taxfree_records WHERE record_id IN ('A-NOKEY', 'A-REVOKED', 'A-KIOSK')"));
    }
}
