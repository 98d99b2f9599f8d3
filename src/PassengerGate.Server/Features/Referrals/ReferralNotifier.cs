using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Kiosks;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>Pushes a new referral to the officer consoles of the kiosk's airport.</summary>
public sealed class ReferralNotifier(IHubContext<OfficerHub, IOfficerClient> officers, KioskStore kiosks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ReferralRaisedAsync(ArrivalSessionStore.ReferralRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (await kiosks.FindAirportAsync(row.KioskId, ct) is { } airport)
        {
            await officers.Clients.Group(OfficerHub.AirportGroup(airport)).ReferralRaised(ToNotice(row));
        }
    }

    public static ReferralNotice ToNotice(ArrivalSessionStore.ReferralRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = JsonSerializer.Deserialize<List<Reason>>(row.Reasons, Json) ?? [];
        return new ReferralNotice(row.CaseNumber, row.SessionId, row.KioskId, new DateTimeOffset(row.RaisedAt, TimeSpan.Zero), row.DocumentNumber, row.HolderName, reasons);
    }
}
