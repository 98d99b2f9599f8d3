using System.Text.Json;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Server.Tests.Kiosks;

/// <summary>
/// The kiosk contract on the wire (docs/decisions/0019-kiosk-shape-typed-contract-and-flows.md): lanes, steps and states
/// travel as the camelCase words the decision lists, and a number in their place is refused rather than read as some value.
/// </summary>
public sealed class KioskContractJsonTests
{
    private static readonly JsonSerializerOptions Wire = ContractJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void A_session_update_carries_its_state_lane_and_next_step_as_the_decisions_words()
    {
        var update = new SessionUpdate(Guid.Empty, SessionState.FaceVerified, SessionLane.Green, [], SessionStep.Declaration);

        var json = JsonSerializer.Serialize(update, Wire);

        Assert.Contains("\"state\":\"faceVerified\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lane\":\"green\"", json, StringComparison.Ordinal);
        Assert.Contains("\"next\":\"declaration\"", json, StringComparison.Ordinal);
        Assert.Equal(update with { Reasons = [] }, JsonSerializer.Deserialize<SessionUpdate>(json, Wire)! with { Reasons = [] });
    }

    [Theory]
    [InlineData("{\"sessionId\":\"00000000-0000-0000-0000-000000000000\",\"state\":0,\"lane\":null,\"reasons\":[]}")]
    [InlineData("{\"sessionId\":\"00000000-0000-0000-0000-000000000000\",\"state\":\"opened\",\"lane\":0,\"reasons\":[]}")]
    [InlineData("{\"sessionId\":\"00000000-0000-0000-0000-000000000000\",\"state\":\"opened\",\"lane\":\"amber\",\"reasons\":[]}")]
    [InlineData("{\"sessionId\":\"00000000-0000-0000-0000-000000000000\",\"state\":\"opened\",\"lane\":null,\"reasons\":[],\"next\":1}")]
    public void A_number_or_an_unknown_word_for_a_state_lane_or_step_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SessionUpdate>(json, Wire));

    [Fact]
    public void The_typed_client_names_every_hub_method_the_server_implements()
    {
        var invoked = new List<string>();
        var client = new KioskHubClient((method, type, args) =>
        {
            invoked.Add(method);
            return Task.FromResult<object?>(type == typeof(SessionUpdate) ? new SessionUpdate(Guid.Empty, SessionState.Opened, null, []) : type == typeof(KioskSettings) ? new KioskSettings(0.5, [], TimeSpan.Zero) : null);
        });

        _ = client.OpenArrivalSession(new OpenArrivalSession(Guid.Empty));
        _ = client.RequestChipAuthentication(new RequestChipAuthentication(Guid.Empty, []));
        _ = client.SubmitDocument(new SubmitDocument(Guid.Empty, Guid.Empty, []));
        _ = client.SubmitFaceResult(new SubmitFaceResult(Guid.Empty, Guid.Empty, new FaceResult(0, 0, true, [], null, null, 0, null)));
        _ = client.SubmitDeclaration(new SubmitDeclaration(Guid.Empty, Guid.Empty, null, "{}"));
        _ = client.FindPreDeclaration(new FindPreDeclaration(Guid.Empty));
        _ = client.SubmitCurrencyDeclaration(new SubmitCurrencyDeclaration(Guid.Empty, Guid.Empty, "{}"));
        _ = client.AssessCurrencyDraft(new AssessCurrencyDraft(Guid.Empty, "{}"));
        _ = client.CheckTaxFreeExport(new CheckTaxFreeExport(Guid.Empty));
        _ = client.AbandonSession(new AbandonSession(Guid.Empty, Guid.Empty, "test"));
        _ = client.GetSettings();
        _ = client.Heartbeat(new KioskHeartbeat("ok", new Dictionary<string, string>()));

        // Each name must be a method the server's hub answers: the hub type's own public methods.
        var hubMethods = typeof(PassengerGate.Server.Hubs.KioskHub).GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(12, invoked.Count);
        Assert.All(invoked, name => Assert.Contains(name, hubMethods));
    }
}
