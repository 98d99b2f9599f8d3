using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PassengerGate.Domain.Time;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Service;

/// <summary>The kiosk checks a scanned pre-declaration QR offline against the service's published keys.</summary>
public sealed class PreDeclarationKeysTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string Declaration = """
        { "schemaVersion": 1, "declarant": { "role": "self" },
          "header": { "flightOrVessel": "NH9", "embarkationPoint": "LAX", "arrivalDate": "ARRIVAL", "name": "TANAKA HANAKO",
                      "addressInJapan": "Tokyo", "nationality": "JPN", "dateOfBirth": "1990-04-01", "passportNumber": "TK7000001",
                      "family": { "aged20OrOver": 1, "aged6To19": 0, "under6": 0 } },
          "answers": { "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": false,
                       "commercialGoodsOrSamples": false, "carriedForSomeoneElse": false, "paymentMeansOverThreshold": false, "unaccompaniedBaggage": false } }
        """;

    [Fact]
    public async Task A_genuine_code_passes_an_altered_one_is_refused_and_the_check_works_with_the_service_down()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        var qr = await PreDeclareAsync(server);
        var altered = qr[..^3] + (qr[^3] == 'A' ? 'B' : 'A') + qr[^2..];
        using var keys = new PreDeclarationKeys(Options.Create(new KioskOptions { ServiceUrl = server.BaseAddress }), TimeProvider.System, NullLogger<PreDeclarationKeys>.Instance);

        Assert.Null(await keys.PreCheckAsync(qr, default));
        var refused = await keys.PreCheckAsync(altered, default);
        Assert.NotNull(refused);
        Assert.StartsWith("QR_", refused.Code, StringComparison.Ordinal);

        // Offline: the key list fetched before the outage still judges codes.
        await server.StopAsync();
        Assert.Null(await keys.PreCheckAsync(qr, default));
        Assert.NotNull(await keys.PreCheckAsync("PGD1:NOT-BASE45!!", default));
    }

    private static async Task<string> PreDeclareAsync(RunningServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        // The service takes pre-declarations for today up to a few days ahead at the airport (decision 0017).
        var today = new AirportClock(TimeProvider.System, AirportClock.DefaultTimeZone).Today;
        var declaration = Declaration.Replace("ARRIVAL", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var content = new StringContent(declaration, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/predeclarations", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("qrText").GetString()!;
    }
}
