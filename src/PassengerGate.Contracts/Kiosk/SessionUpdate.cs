namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// Where a passenger's session stands. <see cref="Lane"/> is "green" (e-gate), "red" (to an officer)
/// or null while undecided. A kiosk opens the gate only on "green" from the service.
/// </summary>
public sealed record SessionUpdate(Guid SessionId, string State, string? Lane, IReadOnlyList<Reason> Reasons);
