using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Support;

/// <summary>What the tax-free tests share: a shop registered with its key, records submitted through the shop API.</summary>
public static class TaxFreeSupport
{
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
