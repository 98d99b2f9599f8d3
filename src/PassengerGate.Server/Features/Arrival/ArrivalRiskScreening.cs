using PassengerGate.Data.Rates;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Loads what the risk step needs for one session (rules in force, watchlists, the flight's advance
/// passenger data, the selection seed) and the customs weekly rates, from the stores. The rules see
/// MRZ-level identity, flight and declaration summary only — never a face score or image.
/// </summary>
public sealed class ArrivalRiskScreening(RiskDataStore risk, RateStore rates)
{
    public Task<CustomsRateTable> RatesAsync(DateOnly asOf, CancellationToken ct) => rates.LoadRateTableAsync(asOf, ct);

    public async Task<ArrivalRiskOutcome> RunAsync(Guid sessionId, MrzResult mrz, ArrivalDeclaration declaration, ArrivalAssessment assessment, DateOnly asOf, CancellationToken ct)
    {
        var context = RiskContext.For(mrz, declaration, assessment);
        var inputs = await risk.LoadInputsAsync(context.Flight, context.ArrivalDate, asOf, ct);
        return ArrivalRiskCheck.Run(context, inputs, sessionId, asOf);
    }
}
