using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Everything a risk rule may read, and nothing more: MRZ-level identity, the flight and where the traveller
/// boarded, the arrival date and a summary of the declaration. There is deliberately no face, portrait, image or
/// other biometric member: biometric data is used only for the 1:1 match and then deleted (DOMAIN.md §1
/// "Electronic flow", §5 rule 8), so no rule can profile on it. A test holds this type to that.
/// </summary>
public sealed record RiskContext
{
    public required TravellerIdentity Traveller { get; init; }

    /// <summary>Canonical (<see cref="FlightNumber.Normalise"/>) when it is a flight; a vessel's name in upper case otherwise.</summary>
    public required string Flight { get; init; }

    public required DateOnly ArrivalDate { get; init; }

    /// <summary>C5360 "point of embarkation", upper case.</summary>
    public required string EmbarkationPoint { get; init; }

    public required DeclarationSummary Declaration { get; init; }

    /// <summary>The context of one arrival: identity from the verified MRZ (or DG1), the rest from the declaration.</summary>
    public static RiskContext For(MrzResult mrz, ArrivalDeclaration declaration, ArrivalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        ArgumentNullException.ThrowIfNull(declaration);
        return new RiskContext
        {
            Traveller = TravellerIdentity.FromMrz(mrz),
            Flight = CanonicalFlight(declaration.Header.FlightOrVessel),
            ArrivalDate = declaration.Header.ArrivalDate,
            EmbarkationPoint = declaration.Header.EmbarkationPoint.Trim().ToUpperInvariant(),
            Declaration = DeclarationSummary.From(declaration, assessment),
        };
    }

    public static string CanonicalFlight(string flightOrVessel)
    {
        ArgumentNullException.ThrowIfNull(flightOrVessel);
        return FlightNumber.Normalise(flightOrVessel) ?? flightOrVessel.Trim().ToUpperInvariant();
    }
}
