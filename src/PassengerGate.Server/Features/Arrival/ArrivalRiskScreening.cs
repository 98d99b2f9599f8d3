using PassengerGate.Data.Arrival;
using PassengerGate.Data.Rates;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Loads what the risk steps need (rules in force, watchlists, advance passenger data, the selection seed, earlier
/// sessions of the same document) and the customs weekly rates, from the stores. The rules see MRZ-level identity,
/// flight and declaration summary only — never a face score or image.
/// </summary>
public sealed class ArrivalRiskScreening(RiskDataStore risk, RateStore rates, ArrivalSessionStore sessions, IConfiguration configuration)
{
    /// <summary>
    /// How far back a referred or abandoned session of the same document sends a new one to an officer
    /// (configuration <c>Arrival:PreviouslyReferredWindow</c>, default 6 hours: longer than any queue from the
    /// aircraft door to the kiosks, shorter than a return trip; decision 0008). An open referral counts at any age.
    /// </summary>
    public TimeSpan PreviouslyReferredWindow => configuration.GetValue("Arrival:PreviouslyReferredWindow", TimeSpan.FromHours(6));

    public Task<CustomsRateTable> RatesAsync(DateOnly asOf, CancellationToken ct) => rates.LoadRateTableAsync(asOf, ct);

    /// <summary>The screen that runs as soon as the document is read (decision 0008), on the airport's day.</summary>
    public async Task<CarriedRisk> ScreenDocumentAsync(Guid sessionId, MrzResult mrz, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var traveller = TravellerIdentity.FromMrz(mrz);
        if (traveller.DocumentNumber.Length == 0)
        {
            return CarriedRisk.None;
        }

        var earlier = await sessions.FindEarlierOutcomeAsync(sessionId, mrz.DocumentNumber, mrz.IssuingState, now - PreviouslyReferredWindow, ct);
        var previously = earlier is null ? null : new EarlierReferral(earlier.SessionId, earlier.State, earlier.CaseNumber, earlier.ReferralOpen);
        var rules = await risk.LoadRulesAsync(ct);
        if (rules is null)
        {
            // No rules were ever set: the declaration step's screen reports that as "not reported" (red).
            return new CarriedRisk(false, [], [], [], previously);
        }

        var watchlist = await risk.LoadWatchlistAsync(today, ct);
        var onManifests = await risk.FindApisByDocumentAsync(traveller.DocumentNumber, today, ct);
        var screen = RiskScreen.EvaluateIdentity(traveller, rules.RuleSet.Rules, watchlist, onManifests, today);
        return new CarriedRisk(true, screen.Hits, screen.RulesEvaluated, onManifests.Select(r => r.Flight).Distinct(StringComparer.Ordinal).ToList(), previously);
    }

    /// <summary>The full screen and the selection draw at the declaration step; <paramref name="asOf"/> is the airport's day.</summary>
    public async Task<ArrivalRiskOutcome> RunAsync(MrzResult mrz, ArrivalDeclaration declaration, ArrivalAssessment assessment, DateOnly asOf, CancellationToken ct)
    {
        var context = RiskContext.For(mrz, declaration, assessment);
        var inputs = await risk.LoadInputsAsync(context.Flight, context.ArrivalDate, asOf, ct);
        return ArrivalRiskCheck.Run(context, inputs, asOf);
    }
}
