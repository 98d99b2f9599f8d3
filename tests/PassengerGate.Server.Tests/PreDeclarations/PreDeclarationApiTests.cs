using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;
using PassengerGate.Server.Tests.Contracts;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>
/// The pre-declaration API over real HTTP, Kestrel and PostgreSQL, verified as a kiosk would verify it. The service's
/// clock is noon of 2026-11-20 in Tokyo (the schema example's arrival day), with a USD weekly rate for that week.
/// </summary>
public class PreDeclarationApiTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    /// <summary>2026-11-20 12:00 JST = 03:00 UTC (Asia/Tokyo is UTC+9 all year).</summary>
    internal static readonly DateTimeOffset NoonOnArrivalDay = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(9));

    /// <summary>The end of 2026-11-20 in Tokyo: 24:00 JST = 15:00 UTC.</summary>
    private static readonly DateTimeOffset EndOfArrivalDay = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly ShiftedClock _clock = new(NoonOnArrivalDay);
    private RunningServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await ForgetSigningKeysAsync(db);
        _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock);
        await ImportUsdRateAsync(_server, _clock);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    /// <summary>
    /// Each test's clock starts again at the same instant while the class's database lives on: a key made by an earlier
    /// test would begin a few seconds after this test's "now" and not sign yet, so each test starts without keys.
    /// </summary>
    internal static async Task ForgetSigningKeysAsync(TestDatabase db)
    {
        Assert.True(PassengerGate.Data.DatabaseMigrator.Migrate(db.ConnectionString).Successful);
        await db.ScalarAsync<int?>("TRUNCATE predeclarations, predeclaration_signing_keys");
    }

    /// <summary>A USD weekly rate for the week of 15–21 November 2026 (a test value, not Japan Customs' figure).</summary>
    internal static async Task ImportUsdRateAsync(RunningServer server, TimeProvider clock)
    {
        var table = CustomsRateTable.FromCsv(CustomsRateTable.CsvHeader + "\nUSD,2026-11-15,2026-11-21,150.00,test rate\n").Table!;
        await server.Services.GetRequiredService<RateStore>().ImportRatesAsync(table, clock.GetUtcNow(), default);
    }

    private static string Sample(string find, string replace) => SampleDeclaration.Json.Replace(find, replace, StringComparison.Ordinal);

    private static string ArrivingOn(string date) => Sample("\"arrivalDate\":\"2026-11-20\"", $"\"arrivalDate\":\"{date}\"");

    private async Task<JsonElement> RefusedAsync(string json)
    {
        var response = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // RFC 9457 §3: problem details are served as application/problem+json.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("urn:passengergate:problem:declaration-refused", body.GetProperty("type").GetString());
        return body;
    }

    private static (string Path, string Rule) OnlyError(JsonElement problem)
    {
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray().ToList());
        return (error.GetProperty("path").GetString()!, error.GetProperty("rule").GetString()!);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _http.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<PublishedKeyList> KeysAsync()
    {
        var text = await _http.GetStringAsync(new Uri("/api/predeclarations/keys", UriKind.Relative));
        return PublishedKeyList.Parse(text) ?? throw new InvalidOperationException("not a key list: " + text);
    }

    [Fact]
    public async Task An_issued_QR_verifies_offline_against_the_published_keys_and_carries_the_declaration()
    {
        var response = await PostAsync(SampleDeclaration.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var qrText = body.RootElement.GetProperty("qrText").GetString()!;
        var id = body.RootElement.GetProperty("id").GetGuid();
        var expiresAt = body.RootElement.GetProperty("expiresAt").GetDateTimeOffset();

        var keys = await KeysAsync();
        var result = PreDeclarationQrCodec.Verify(qrText, keys.Keys, _clock.GetUtcNow());

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(id, result.Claims!.PreDeclarationId);
        Assert.Equal(expiresAt, result.Claims.ExpiresAt);
        // Valid until the end of the stated arrival day in Tokyo (decision 0017).
        Assert.Equal(EndOfArrivalDay, result.Claims.ExpiresAt);
        var read = DeclarationJson.Read(result.Claims.DeclarationJson);
        Assert.True(read.IsValid);
        Assert.Equal(DeclarationJson.Write(DeclarationJson.Read(SampleDeclaration.Json).Declaration!), DeclarationJson.Write(read.Declaration!));
    }

    [Fact]
    public async Task The_QR_image_is_a_PNG_and_an_unknown_id_is_not_found()
    {
        var response = await PostAsync(SampleDeclaration.Json);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var imageUrl = body.RootElement.GetProperty("qrImageUrl").GetString()!;

        var image = await _http.GetAsync(new Uri(imageUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        // Personal data: cached only by the phone, and no longer than the QR is valid (noon to midnight JST: 12 h).
        Assert.True(image.Headers.CacheControl!.Private);
        Assert.InRange(image.Headers.CacheControl.MaxAge!.Value, TimeSpan.FromHours(11), TimeSpan.FromHours(12));
        // PNG signature (ISO/IEC 15948 §5.2).
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, (await image.Content.ReadAsByteArrayAsync())[..8]);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri($"/api/predeclarations/{Guid.NewGuid()}/qr.png", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_invalid_declaration_is_refused_with_every_error_and_its_path()
    {
        // docs/arrival-declaration-schema.md: a missing yes/no answer is an error, never a "no".
        var withoutAnswer = SampleDeclaration.Json.Replace("\"unaccompaniedBaggage\":false", "\"unaccompaniedBaggag\":false", StringComparison.Ordinal);

        var response = await PostAsync(withoutAnswer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.answers.unaccompaniedBaggage", errors);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("not json")).StatusCode);
    }

    [Theory]
    // Doc 9303 Part 3 §5: Germany is D (not GER or DE); UTO is ICAO's fictitious specimen state.
    [InlineData("GER")]
    [InlineData("UTO")]
    public async Task A_nationality_that_is_not_an_ICAO_code_is_refused_at_its_field_as_problem_details(string code)
    {
        var problem = await RefusedAsync(Sample("\"nationality\":\"USA\"", $"\"nationality\":\"{code}\""));

        Assert.Equal(("$.header.nationality", "nationalityNotIcao"), OnlyError(problem));
    }

    [Theory]
    [InlineData("D")]
    [InlineData("XXA")]
    [InlineData("GBN")]
    public async Task ICAO_specific_nationality_codes_are_accepted(string code) =>
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(Sample("\"nationality\":\"USA\"", $"\"nationality\":\"{code}\""))).StatusCode);

    [Fact]
    public async Task A_currency_without_a_rate_this_week_is_refused_at_its_goods_line()
    {
        // Only USD has a rate for the week of 20 November here.
        var problem = await RefusedAsync(Sample("\"currency\":\"USD\"", "\"currency\":\"EUR\""));

        Assert.Equal(("$.goods.otherGoods[0].currency", "currencyWithoutRate"), OnlyError(problem));
    }

    [Fact]
    public async Task A_birth_date_after_today_in_Tokyo_is_refused()
    {
        var problem = await RefusedAsync(Sample("\"dateOfBirth\":\"1980-05-01\"", "\"dateOfBirth\":\"2026-11-21\"").Replace("\"arrivalDate\":\"2026-11-20\"", "\"arrivalDate\":\"2026-11-21\"", StringComparison.Ordinal));

        Assert.Equal(("$.header.dateOfBirth", "birthDateInFuture"), OnlyError(problem));
    }

    [Theory]
    // PreDeclarations:MaxDaysAhead defaults to 3: from today (20 November in Tokyo) to 23 November.
    [InlineData("2026-11-19", false)]
    [InlineData("2026-11-20", true)]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-11-24", false)]
    [InlineData("2027-11-20", false)]
    public async Task The_arrival_date_must_be_from_today_to_three_days_ahead(string arrival, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(ArrivingOn(arrival))).StatusCode);
        }
        else
        {
            Assert.Equal(("$.header.arrivalDate", "arrivalDateOutOfWindow"), OnlyError(await RefusedAsync(ArrivingOn(arrival))));
        }
    }

    [Fact]
    public async Task At_08_59_in_Japan_today_is_the_Japanese_day_for_the_arrival_date()
    {
        // 2026-11-21 08:59 JST = 2026-11-20 23:59 UTC: the UTC date is still the 20th, the airport's day the 21st.
        _clock.Set(new DateTimeOffset(2026, 11, 21, 8, 59, 0, TimeSpan.FromHours(9)));

        Assert.Equal(("$.header.arrivalDate", "arrivalDateOutOfWindow"), OnlyError(await RefusedAsync(ArrivingOn("2026-11-20"))));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ArrivingOn("2026-11-21"))).StatusCode);
    }

    [Fact]
    public async Task A_QR_for_a_later_day_is_valid_until_23_59_59_of_that_day_in_Tokyo_and_not_after()
    {
        var response = await PostAsync(ArrivingOn("2026-11-23"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var qrText = body.RootElement.GetProperty("qrText").GetString()!;
        var keys = (await KeysAsync()).Keys;
        // 2026-11-23 23:59:59 JST = 14:59:59 UTC; 24:00 JST = 15:00 UTC is the CWT exp.
        var lastSecond = new DateTimeOffset(2026, 11, 23, 23, 59, 59, TimeSpan.FromHours(9));
        var endOfDay = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(endOfDay, body.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.True(PreDeclarationQrCodec.Verify(qrText, keys, lastSecond).IsValid);
        // The codec tolerates kiosk clocks that run a little behind (AllowedClockSkew) and no more.
        var late = PreDeclarationQrCodec.Verify(qrText, keys, endOfDay + PreDeclarationQrCodec.AllowedClockSkew);
        Assert.False(late.IsValid);
        Assert.Equal(PreDeclarationQrError.Expired, late.Error);
    }

    [Fact]
    public async Task Family_members_share_their_group_id()
    {
        var json = SampleDeclaration.Json.Replace("{\"schemaVersion\":1,", "{\"schemaVersion\":1,\"groupId\":\"fam-7\",", StringComparison.Ordinal);

        var first = JsonDocument.Parse(await (await PostAsync(json)).Content.ReadAsStringAsync()).RootElement;
        var second = JsonDocument.Parse(await (await PostAsync(json)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("fam-7", first.GetProperty("groupId").GetString());
        Assert.Equal("fam-7", second.GetProperty("groupId").GetString());
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_published_keys_name_ES256_and_a_kid_derived_from_the_key()
    {
        await PostAsync(SampleDeclaration.Json);

        var key = Assert.Single((await KeysAsync()).Keys);

        Assert.Equal("ES256", key.Alg);
        Assert.Equal(PublishedKey.KidOf(key.SubjectPublicKeyInfo), key.Kid);
        Assert.True(key.NotBefore < key.NotAfter);
    }
}
