using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>Turns a session into the answer a kiosk gets: traveller-safe reasons only (<see cref="TravellerReasons"/>).</summary>
internal static class SessionUpdates
{
    public static SessionUpdate From(ArrivalSession session, IReadOnlyList<SessionReason> reasons) =>
        new(session.Id, session.State.ToString(), session.Lane, TravellerReasons.ForKiosk(reasons, session.Lane));
}
