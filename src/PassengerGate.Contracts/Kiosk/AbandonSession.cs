namespace PassengerGate.Contracts.Kiosk;

/// <summary>The kiosk ends a session early (idle timeout, passenger left, device fault).</summary>
public sealed record AbandonSession(Guid SessionId, Guid CommandId, string Reason);
