using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.Referrals;

/// <summary>Pushes a new referral to every connected officer console.</summary>
public sealed class ReferralNotifier(IHubContext<OfficerHub, IOfficerClient> officers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task ReferralRaisedAsync(ArrivalSessionStore.ReferralRow row, CancellationToken ct) =>
        officers.Clients.All.ReferralRaised(ToNotice(row));

    public static ReferralNotice ToNotice(ArrivalSessionStore.ReferralRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = JsonSerializer.Deserialize<List<Reason>>(row.Reasons, Json) ?? [];
        return new ReferralNotice(row.CaseNumber, row.SessionId, row.KioskId, new DateTimeOffset(row.RaisedAt, TimeSpan.Zero), row.DocumentNumber, row.HolderName, reasons);
    }
}
