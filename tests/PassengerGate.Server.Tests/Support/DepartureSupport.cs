using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Tests.Support;

/// <summary>What the currency declaration tests share: the departure hub connection, rates for today, declarations as JSON.</summary>
public static class DepartureSupport
{
    /// <summary>A departure console's connection (the test certificate trusted on HTTPS), signed in as <paramref name="as_"/>, or anonymous, or a kiosk.</summary>
    public static HubConnection DepartureConnection(this RunningServer server, StaffSession? as_, string? kioskToken = null) =>
        new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, HubPaths.Departure), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (server.Certificate is { } certificate)
            {
                o.HttpMessageHandlerFactory = _ => certificate.Handler();
                o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, cert, _, errors) => certificate.Validate(cert, errors);
            }

            if (kioskToken is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(kioskToken);
            }
            else if (as_ is not null)
            {
                o.Headers["Cookie"] = as_.CookieHeader;
            }
        }).Build();

    public static DateOnly AirportToday(this RunningServer server) => server.Services.GetRequiredService<AirportClock>().Today;

    /// <summary>
    /// Weekly rates covering the airport's today: USD at ¥150.00 and EUR at ¥160.00 (test values, chosen round so the
    /// yen amounts in the tests are worked out by hand: 5,000 USD × 150 = ¥750,000).
    /// </summary>
    public static async Task ImportTestRatesAsync(this RunningServer server)
    {
        var today = server.AirportToday();
        var from = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = CustomsRateTable.FromCsv(CustomsRateTable.CsvHeader + $"\nUSD,{from},{to},150.00,test rate\nEUR,{from},{to},160.00,test rate\n").Table!;
        await server.Services.GetRequiredService<RateStore>().ImportRatesAsync(table, TimeProvider.System.GetUtcNow(), default);
    }

    /// <summary>A departure declaration in the v1 JSON form of docs/currency-declaration-schema.md.</summary>
    public static string DepartureJson(DateOnly date, string name, string documentNumber, string? booking, string? flight, params (string Currency, decimal Amount)[] cash) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["jurisdiction"] = "JP",
            ["direction"] = "departure",
            ["declarationDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["bearer"] = new Dictionary<string, object?> { ["name"] = name, ["nationality"] = "JPN", ["documentNumber"] = documentNumber },
            ["destinationCountry"] = "KOR",
            ["bookingReference"] = booking,
            ["flight"] = flight,
            ["instruments"] = cash.Select(c => new Dictionary<string, object> { ["kind"] = "cash", ["currency"] = c.Currency, ["amount"] = c.Amount }).ToList(),
        }.Where(kv => kv.Value is not null).ToDictionary());
}
