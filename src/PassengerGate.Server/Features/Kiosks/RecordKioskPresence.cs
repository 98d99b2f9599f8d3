using System.Text.Json;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Data.Kiosks;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Kiosks;

/// <summary>Kiosk connections and heartbeats: stored, and shown to officers as they happen.</summary>
public sealed class RecordKioskPresence(KioskStore kiosks, IHubContext<OfficerHub, IOfficerClient> officers, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task ConnectedAsync(string kioskId, CancellationToken ct) => UpdateAsync(kioskId, "online", new Dictionary<string, string>(), ct);

    public Task DisconnectedAsync(string kioskId, CancellationToken ct) => UpdateAsync(kioskId, "offline", new Dictionary<string, string>(), ct);

    public Task HeartbeatAsync(string kioskId, KioskHeartbeat heartbeat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        return UpdateAsync(kioskId, heartbeat.Status, heartbeat.Devices, ct);
    }

    public async Task<IReadOnlyList<KioskStatus>> ListAsync(string airport, CancellationToken ct) =>
        (await kiosks.ListAsync(ct)).Where(k => k.RevokedAt is null && k.Airport == airport).Select(k => new KioskStatus(
            k.KioskId,
            k.Status != "offline",
            k.Status,
            k.LastSeenAt is { } seen ? new DateTimeOffset(seen, TimeSpan.Zero) : null,
            JsonSerializer.Deserialize<Dictionary<string, string>>(k.Devices, Json) ?? [])).ToList();

    private async Task UpdateAsync(string kioskId, string status, IReadOnlyDictionary<string, string> devices, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await kiosks.MarkSeenAsync(kioskId, status, JsonSerializer.Serialize(devices, Json), now, ct);
        var airport = await kiosks.FindAirportAsync(kioskId, ct) ?? "";
        await officers.Clients.Group(OfficerHub.AirportGroup(airport)).KioskStatusChanged(new KioskStatus(kioskId, status != "offline", status, now, devices));
    }
}
