using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Icao.Tests.Support;

/// <summary>Plays a published APDU transcript: each command must equal the expected bytes, then the recorded response is returned.</summary>
public sealed class ScriptedTransport(params (string Command, string Response)[] script) : IApduTransport
{
    private int _next;

    public ReadOnlyMemory<byte> Atr => ReadOnlyMemory<byte>.Empty;

    public bool Finished => _next == script.Length;

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct)
    {
        Assert.True(_next < script.Length, $"Unexpected extra command {Hex.Encode(commandApdu)}");
        var (command, response) = script[_next++];
        Assert.Equal(command.Replace(" ", "", StringComparison.Ordinal), Hex.Encode(commandApdu));
        return Task.FromResult(Hex.Decode(response));
    }
}
