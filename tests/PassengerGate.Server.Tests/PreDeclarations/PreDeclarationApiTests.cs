using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Domain.Arrival;
using PassengerGate.Server.Tests.Contracts;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.PreDeclarations;

/// <summary>The pre-declaration API over real HTTP, Kestrel and PostgreSQL, verified as a kiosk would verify it.</summary>
public class PreDeclarationApiTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
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
        var result = PreDeclarationQrCodec.Verify(qrText, keys.Keys, TimeProvider.System.GetUtcNow());

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(id, result.Claims!.PreDeclarationId);
        Assert.Equal(expiresAt, result.Claims.ExpiresAt);
        // 72 hours: the advance-declaration window of anchors.md (Canada).
        Assert.Equal(TimeSpan.FromHours(72), result.Claims.ExpiresAt - result.Claims.IssuedAt);
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
        // Personal data: cached only by the phone, and no longer than the QR is valid (72 h, anchors.md).
        Assert.True(image.Headers.CacheControl!.Private);
        Assert.InRange(image.Headers.CacheControl.MaxAge!.Value, TimeSpan.FromHours(71), TimeSpan.FromHours(72));
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
