using PassengerGate.Icao.Crypto;

namespace PassengerGate.Icao.Tests.Support;

/// <summary>Hands out the nonces a worked example used, in order.</summary>
public sealed class QueuedRandom(params string[] values) : IRandomSource
{
    private readonly Queue<byte[]> _values = new(values.Select(Hex.Decode));

    public byte[] NextBytes(int count)
    {
        var next = _values.Dequeue();
        Assert.Equal(count, next.Length);
        return next;
    }
}
