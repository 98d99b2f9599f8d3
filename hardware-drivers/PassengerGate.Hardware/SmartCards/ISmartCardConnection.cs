using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Hardware.SmartCards;

/// <summary>A session with one card; disposing it disconnects and leaves the card powered for the next reader.</summary>
public interface ISmartCardConnection : IApduChannel, IDisposable
{
    string ReaderName { get; }

    SmartCardProtocol Protocol { get; }

    /// <summary>The card's Answer To Reset (for a contactless card, the ATR the reader synthesises from ATS/ATQB).</summary>
    IReadOnlyList<byte> Atr { get; }
}
