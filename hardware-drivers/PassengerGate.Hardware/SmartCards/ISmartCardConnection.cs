using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Hardware.SmartCards;

/// <summary>A session with one card; disposing it disconnects and leaves the card powered for the next reader.</summary>
public interface ISmartCardConnection : IApduTransport, IDisposable
{
    string ReaderName { get; }

    SmartCardProtocol Protocol { get; }
}
