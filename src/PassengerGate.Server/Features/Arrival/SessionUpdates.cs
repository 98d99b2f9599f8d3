using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>Turns a session into the answer a kiosk gets.</summary>
internal static class SessionUpdates
{
    public static SessionUpdate From(ArrivalSession session, IReadOnlyList<SessionReason> reasons) =>
        new(session.Id, session.State.ToString(), session.Lane, reasons.Select(r => new Reason(r.Code, r.Text)).ToList());
}
