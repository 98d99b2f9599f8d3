using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Ui;

/// <summary>One family member's result, shown on the family summary (given name only: the screen is public).</summary>
public sealed record MemberOutcome(int Member, string GivenName, SessionLane Lane, IReadOnlyList<TravellerReason> ReasonCodes);
