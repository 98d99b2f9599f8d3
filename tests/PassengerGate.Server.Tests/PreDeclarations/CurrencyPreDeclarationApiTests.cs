using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>
/// POST /api/predeclarations/currency (issue 11 point 1, decision 0026) over real HTTP, Kestrel and PostgreSQL: a
/// currency declaration made on the phone is signed into a QR of the currency kind, verified as a kiosk verifies it. The
/// clock and the USD weekly rate (150 yen, a test value) are those of <see cref="PreDeclarationApiTests"/>.
/// </summary>
public class CurrencyPreDeclarationApiTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly ShiftedClock _clock = new(PreDeclarationApiTests.NoonOnArrivalDay);
    private RunningServer _server = null!;
    private HttpClient _http = null!;

    /// <summary>¥600,000 and US$3,000 leaving Japan on 2026-11-20, with a flight and booking only the phone page asks.</summary>
    private const string Departure = """
        {"schemaVersion":1,"jurisdiction":"EU","direction":"departure","declarationDate":"2026-11-20",
         "bearer":{"name":"TEST TRAVELLER","nationality":"JPN","documentNumber":"TK0000001"},
         "destinationCountry":"KOR","flight":"KE706","bookingReference":"ABC123",
         "instruments":[{"kind":"cash","currency":"JPY","amount":600000},{"kind":"cash","currency":"USD","amount":3000}],
         "origin":"savings","intendedUse":"buying a car"}
        """;

    public async Task InitializeAsync()
    {
        await PreDeclarationApiTests.ForgetSigningKeysAsync(db);
        _server = await RunningServer.StartAsync(db.ConnectionString, clock: _clock);
        await PreDeclarationApiTests.ImportUsdRateAsync(_server, _clock);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _http.PostAsync(new Uri("/api/predeclarations/currency", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<PreDeclarationVerification> VerifyAsync(string qrText)
    {
        var keys = PublishedKeyList.Parse(await _http.GetStringAsync(new Uri("/api/predeclarations/keys", UriKind.Relative)))!;
        return PreDeclarationQrCodec.Verify(qrText, keys.Keys, _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_phone_declaration_becomes_a_signed_currency_QR_with_the_borders_rules_and_the_services_verdict()
    {
        var response = await PostAsync(Departure);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // docs/currency-rules.md, Japan: over ¥1,000,000 on the customs weekly rate. 600,000 + 3,000 × 150 = 1,050,000.
        Assert.True(body.GetProperty("declarationRequired").GetBoolean());
        Assert.Equal(1_050_000m, body.GetProperty("total").GetDecimal());
        Assert.Equal("JPY", body.GetProperty("reportingCurrency").GetString());
        var result = await VerifyAsync(body.GetProperty("qrText").GetString()!);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(PreDeclarationKind.Currency, result.Claims!.Kind);
        Assert.Equal(body.GetProperty("id").GetGuid(), result.Claims.PreDeclarationId);
        // Valid to the end of the crossing day in Tokyo, as an arrival code (decision 0017): 24:00 JST = 15:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), result.Claims.ExpiresAt);
        var carried = CurrencyDeclarationJson.Read(result.Claims.DeclarationJson);
        Assert.True(carried.IsValid);
        // The border's rule pack whatever the page sent; the phone-only fields travel in the code.
        Assert.Equal(Jurisdiction.JP, carried.Declaration!.Jurisdiction);
        Assert.Equal("KE706", carried.Declaration.Flight);
        Assert.Equal(2, carried.Declaration.Instruments.Count);
        Assert.Equal("currency", await db.ScalarAsync<string>($"SELECT kind FROM predeclarations WHERE predeclaration_id = '{result.Claims.PreDeclarationId}'"));
    }

    [Fact]
    public async Task Without_the_weeks_rate_the_code_is_made_and_the_verdict_is_left_to_the_kiosk()
    {
        var response = await PostAsync(Departure.Replace("\"USD\"", "\"EUR\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("declarationRequired").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("total").ValueKind);
        Assert.True((await VerifyAsync(body.GetProperty("qrText").GetString()!)).IsValid);
    }

    [Theory]
    [InlineData("\"documentNumber\":\"TK0000001\"", "\"documentNumber\":\"\"", "$.bearer.documentNumber")]
    [InlineData("\"amount\":3000", "\"amount\":-3000", "$.instruments[1].amount")]
    [InlineData("\"declarationDate\":\"2026-11-20\"", "\"declarationDate\":\"2026-11-19\"", "$.declarationDate")]
    [InlineData("\"declarationDate\":\"2026-11-20\"", "\"declarationDate\":\"2026-11-24\"", "$.declarationDate")]
    [InlineData("\"destinationCountry\":\"KOR\",", "", "$.destinationCountry")]
    public async Task A_declaration_the_service_would_not_take_is_refused_at_its_field_and_nothing_is_signed(string find, string replace, string path)
    {
        var response = await PostAsync(Departure.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:passengergate:problem:declaration-refused", body.GetProperty("type").GetString());
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == path);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM predeclarations"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task Text_that_is_not_a_JSON_object_is_refused(string body) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(body)).StatusCode);

    [Fact]
    public async Task A_currency_code_scanned_at_the_arrival_declaration_is_the_wrong_kind()
    {
        var body = await (await PostAsync(Departure)).Content.ReadFromJsonAsync<JsonElement>();

        var read = await _server.Services.GetRequiredService<PreDeclarationReader>().ReadAsync(body.GetProperty("qrText").GetString()!, _clock.GetUtcNow(), default);

        Assert.Null(read.DeclarationJson);
        Assert.Equal("QR_WRONG_KIND", read.Problem!.Code);
    }
}
