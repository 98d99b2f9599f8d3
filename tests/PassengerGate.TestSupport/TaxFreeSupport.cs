using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>What the tax-free tests share: a shop registered with its key, records submitted through the shop API.</summary>
public static class TaxFreeSupport
{
    /// <summary>
    /// A purchase record as a shop sends it (docs/taxfree-rules.md §1): one handbag at <paramref name="unitPrice"/> yen
    /// excluding tax, its 10 % tax, brand and model, and whatever <paramref name="extraItem"/> adds to the items.
    /// </summary>
    public static string RecordJson(string recordId, string purchasedAt = "2026-11-01T14:00:00+09:00", long unitPrice = 60_000, string passport = "TF1234567", string extraItem = "", string nationality = "USA") =>
        $$"""
        {"recordId":"{{recordId}}","passportNumber":"{{passport}}","nationality":"{{nationality}}","purchasedAt":"{{purchasedAt}}",
         "items":[{"description":"Handbag","quantity":1,"unitPrice":{{unitPrice}},"tax":{{unitPrice / 10}},"brand":"B","model":"M-1"}{{extraItem}}]}
        """;

    /// <summary>Registers a new shop (its webhook at <paramref name="webhook"/>, or none) and returns its id and API key.</summary>
    public static async Task<(string ShopId, string Key)> AddShopAsync(this RunningServer server, string prefix, Uri? webhook, byte[] secret, DateTimeOffset at)
    {
        var shopId = prefix + "-" + Guid.NewGuid().ToString("N")[..12];
        var key = ShopApiKey.New();
        await server.Services.GetRequiredService<TaxFreeStore>().AddShopAsync(shopId, shopId, ShopApiKey.Hash(key), webhook?.ToString(), secret, at, default);
        return (shopId, key);
    }

    /// <summary>Submits a record with the shop's key and fails the test unless it is stored (201).</summary>
    public static async Task SubmitRecordAsync(this RunningServer server, string key, string json)
    {
        using var http = server.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/taxfree/records") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Waits until the receiver stand-in accepted the result for <paramref name="recordId"/> (the outbox delivers in the background).</summary>
    public static async Task<TaxFreeConfirmationEvent> WaitForResultAsync(this WebhookReceiverStandIn receiver, string recordId)
    {
        var wait = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (receiver.Accepted.Values.FirstOrDefault(e => e.RecordId == recordId) is { } result)
            {
                return result;
            }

            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(30), $"the result for {recordId} did not arrive");
            await Task.Delay(50);
        }
    }
}
