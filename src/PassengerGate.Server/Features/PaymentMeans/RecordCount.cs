using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// Departure staff count what the traveller actually carries, per declared instrument; the difference to the
/// declaration is computed at the weekly rate recorded on it and shown. Counting is audited; it decides nothing.
/// </summary>
public sealed class RecordCount(CurrencyDeclarationStore store, DeclarationAccess access, AuditTrail audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DepartureDeclarationView> HandleAsync(RecordCountRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await access.LoadAsync(request.Id, user, ct);
        if (request.Counted is null || request.Counted.Count == 0 || request.Counted.Any(c => c.Amount < 0 || c.Path is null))
        {
            throw new HubException("Count at least one instrument, each with an amount of 0 or more.");
        }

        var counted = request.Counted.Select(c => new CountedInstrument(c.Path, c.Amount)).ToList();
        CountResult result;
        try
        {
            result = CountComparison.Compare(row.ReadAssessment(), counted);
        }
        catch (ArgumentException e)
        {
            throw new HubException(e.Message);
        }

        var number = DepartureViews.Number(row.Id);
        var record = audit.Record(user, CurrencyAuditActions.Counted, "currency:" + number, new { countedTotal = result.CountedTotal, difference = result.Difference });
        if (!await store.RecordCountAsync(row.Id, JsonSerializer.Serialize(counted, Json), result.CountedTotal, record.Actor, clock.GetUtcNow(), record, ct))
        {
            throw new HubException($"Declaration {number} is already decided.");
        }

        return await access.ChangedAsync(row.Id, ct);
    }
}
