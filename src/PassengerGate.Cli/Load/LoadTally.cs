using System.Collections.Concurrent;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Cli.Load;

/// <summary>Counts of the steady phase: sessions by lane, errors (with the first few messages), pushes received.</summary>
public sealed class LoadTally
{
    private long _green;
    private long _red;
    private long _errors;
    private long _warmupErrors;
    private readonly ConcurrentQueue<string> _samples = new();

    public long Green => Interlocked.Read(ref _green);

    public long Red => Interlocked.Read(ref _red);

    public long Errors => Interlocked.Read(ref _errors);

    public long WarmupErrors => Interlocked.Read(ref _warmupErrors);

    public IReadOnlyList<string> ErrorSamples => [.. _samples];

    /// <summary>A session that ended with a lane; counted only when it ran wholly inside the steady phase.</summary>
    public void Session(bool inSteadyPhase, SessionLane lane)
    {
        if (!inSteadyPhase)
        {
            return;
        }

        Interlocked.Increment(ref lane == SessionLane.Green ? ref _green : ref _red);
    }

    public void Error(bool inSteadyPhase, string message)
    {
        Interlocked.Increment(ref inSteadyPhase ? ref _errors : ref _warmupErrors);
        if (_samples.Count < 10)
        {
            _samples.Enqueue(message);
        }
    }
}
