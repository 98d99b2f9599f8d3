namespace PassengerGate.Data;

/// <summary>Another writer moved the session since it was loaded; reload and decide again.</summary>
public sealed class ConcurrencyConflictException(Guid sessionId)
    : Exception($"Session {sessionId} was changed by another writer.")
{
    public Guid SessionId { get; } = sessionId;
}
