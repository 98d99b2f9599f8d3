namespace PassengerGate.Contracts.Kiosk;

/// <summary>Opens an arrival session. <see cref="SessionId"/> is made by the kiosk so a retry is recognised.</summary>
public sealed record OpenArrivalSession(Guid SessionId);
