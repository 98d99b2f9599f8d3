using System.Text.Json;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// What the risk screen found when the document was read (watchlist, lost/stolen, advance passenger data) and
/// whether the same document was referred shortly before. It is recorded in the session's facts under
/// <see cref="FactsKey"/> and carried into whatever referral ends the session — the document step's own, the face
/// step's, the declaration step's, or an abandoned session's — so a stolen passport whose chip or face also fails
/// still reaches the officer with the stolen-document hit (decision 0008).
/// Reason texts name rule ids and rule reasons only; what a list says about the person stays in the facts.
/// </summary>
public sealed record CarriedRisk(bool Screened, IReadOnlyList<RiskHit> Hits, IReadOnlyList<string> RulesEvaluated, IReadOnlyList<string> ApisFlights, EarlierReferral? PreviouslyReferred)
{
    public const string FactsKey = "documentRisk";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CarriedRisk None { get; } = new(false, [], [], [], null);

    /// <summary>The reasons to add to any referral of this session.</summary>
    public IReadOnlyList<SessionReason> Reasons
    {
        get
        {
            var reasons = Hits.Select(HitReason).ToList();
            if (PreviouslyReferred is not null)
            {
                reasons.Add(new SessionReason(ReferralCodes.PreviouslyReferred, "This document was referred to an officer, or its session was left unfinished, at a kiosk shortly before."));
            }

            return reasons;
        }
    }

    /// <summary>The same words <see cref="PassengerGate.Domain.Arrival.LaneDecision"/> gives a risk hit.</summary>
    public static SessionReason HitReason(RiskHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new SessionReason(ReferralCodes.RiskHit, "risk rule fired: " + hit);
    }

    /// <summary>Reads what an earlier step recorded; a session without the key carries nothing.</summary>
    public static CarriedRisk Read(string? factsJson)
    {
        if (string.IsNullOrEmpty(factsJson))
        {
            return None;
        }

        using var facts = JsonDocument.Parse(factsJson);
        if (!facts.RootElement.TryGetProperty(FactsKey, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        return element.Deserialize<Stored>(Json) is { } stored
            ? new CarriedRisk(stored.Screened, stored.Hits ?? [], stored.RulesEvaluated ?? [], stored.ApisFlights ?? [], stored.PreviouslyReferred)
            : None;
    }

    /// <summary>The hits of this screen and of <paramref name="later"/> together, each rule once (the later one wins).</summary>
    public static IReadOnlyList<RiskHit> Union(IEnumerable<RiskHit> earlier, IEnumerable<RiskHit> later) =>
        earlier.Concat(later).GroupBy(h => h.RuleId, StringComparer.Ordinal).Select(g => g.Last()).ToList();

    public object ToFacts() => new Stored(Screened, Hits.ToList(), RulesEvaluated.ToList(), ApisFlights.ToList(), PreviouslyReferred);

    private sealed record Stored(bool Screened, List<RiskHit>? Hits, List<string>? RulesEvaluated, List<string>? ApisFlights, EarlierReferral? PreviouslyReferred);
}

/// <summary>The earlier session of the same document that sends this one to an officer: for the officer, in the facts.</summary>
public sealed record EarlierReferral(Guid SessionId, string State, long? CaseNumber, bool ReferralOpen);
