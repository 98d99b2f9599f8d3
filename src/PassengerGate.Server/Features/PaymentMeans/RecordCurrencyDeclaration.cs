using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.Audit;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Audit;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// Assesses a currency declaration under its jurisdiction's rule pack with the customs weekly rates of its date
/// (docs/currency-rules.md) and stores it with the assessment; departure consoles of the airport are told at once.
/// A missing rate refuses the declaration with the assessor's message naming currency and week, never a guess.
/// </summary>
public sealed class RecordCurrencyDeclaration(
    CurrencyDeclarationStore store,
    RateStore rates,
    IHubContext<DepartureHub, IDepartureClient> departure,
    TimeProvider clock)
{
    public sealed record Result(long? Id, CurrencyAssessment? Assessment, IReadOnlyList<string> Errors)
    {
        /// <summary>Refused because a currency had no customs weekly rate for the declaration's week.</summary>
        public bool MissingRate { get; init; }
    }

    /// <summary><paramref name="kiosk"/> is set for a declaration made in a kiosk session (decision 0022, "At the kiosk").</summary>
    public async Task<Result> HandleAsync(CurrencyDeclaration declaration, string airport, string channel, string recordedBy, string actorKind, CancellationToken ct, CurrencyDeclarationStore.KioskOrigin? kiosk = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var table = await rates.LoadRateTableAsync(declaration.DeclarationDate, ct);
        var assessed = CurrencyAssessor.Assess(declaration, declaration.Jurisdiction, CurrencyRuleBook.Default, table, declaration.DeclarationDate);
        if (!assessed.Succeeded)
        {
            return new Result(null, null, [.. assessed.Errors.Select(e => $"{e.Path}: {e.Message}")])
            {
                MissingRate = assessed.Errors.Any(e => e.Code == "rate.missing"),
            };
        }

        var now = clock.GetUtcNow();
        var id = await store.AddAsync(
            new CurrencyDeclarationStore.NewDeclaration(airport, channel, recordedBy, now, declaration, assessed.Assessment!) { Kiosk = kiosk },
            id => new AuditRecord(now, recordedBy, actorKind, CurrencyAuditActions.Declared, "currency:" + DepartureViews.Number(id), airport, new
            {
                channel,
                direction = CurrencyDeclarationJson.EnumName(declaration.Direction),
                jurisdiction = assessed.Assessment!.Jurisdiction.ToString(),
                declarationRequired = assessed.Assessment.DeclarationRequired,
                sessionId = kiosk?.SessionId,
            }),
            ct);
        var row = await store.LoadAsync(id, ct);
        if (row is not null)
        {
            await departure.Clients.Group(DepartureHub.AirportGroup(airport)).DeclarationChanged(DepartureViews.View(row));
        }

        return new Result(id, assessed.Assessment, []);
    }
}
