namespace PassengerGate.Domain.Sessions;

/// <summary>Why a session went the way it did: a stable code and words an officer can read.</summary>
public sealed record SessionReason(string Code, string Text)
{
    public static SessionReason InternalError(string detail) => new("INTERNAL_ERROR", $"The kiosk session failed ({detail}); an officer must handle this passenger.");
}
