using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Turns a session into the answer a kiosk gets: traveller-safe reasons only (<see cref="TravellerReasons"/>), and the
/// session's state, lane and next step as the contract's enums (decision 0019). The session keeps its own words in the
/// database ("green", "document"); this is the one place they become the contract's.
/// </summary>
internal static class SessionUpdates
{
    public static SessionUpdate From(ArrivalSession session, IReadOnlyList<SessionReason> reasons) =>
        new(session.Id, StateOf(session.State), LaneOf(session.Lane), TravellerReasons.ForKiosk(reasons, session.Lane));

    public static SessionState StateOf(ArrivalState state) => state switch
    {
        ArrivalState.Opened => SessionState.Opened,
        ArrivalState.DocumentRead => SessionState.DocumentRead,
        ArrivalState.DocumentVerified => SessionState.DocumentVerified,
        ArrivalState.FaceVerified => SessionState.FaceVerified,
        ArrivalState.DeclarationBound => SessionState.DeclarationBound,
        ArrivalState.Released => SessionState.Released,
        ArrivalState.Referred => SessionState.Referred,
        ArrivalState.Closed => SessionState.Closed,
        ArrivalState.Abandoned => SessionState.Abandoned,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A session state the kiosk contract does not know."),
    };

    /// <summary>A state as the store keeps it (by name, <see cref="ArrivalState"/>).</summary>
    public static SessionState StateOf(string stored) => StateOf(Enum.Parse<ArrivalState>(stored));

    public static SessionLane? LaneOf(string? lane) => lane switch
    {
        null => null,
        "green" => SessionLane.Green,
        "red" => SessionLane.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "A lane the kiosk contract does not know."),
    };

    public static SessionStep? StepOf(string? next) => next switch
    {
        null => null,
        "document" => SessionStep.Document,
        "face" => SessionStep.Face,
        "declaration" => SessionStep.Declaration,
        _ => throw new ArgumentOutOfRangeException(nameof(next), next, "A step the kiosk contract does not know."),
    };
}
