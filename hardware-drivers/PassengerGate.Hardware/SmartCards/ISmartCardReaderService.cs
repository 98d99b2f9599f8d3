namespace PassengerGate.Hardware.SmartCards;

/// <summary>
/// The contactless (or contact) smart-card readers of one machine. Failures are reported as
/// <see cref="SmartCardException"/> with a <see cref="SmartCardError"/> the caller can act on.
/// </summary>
public interface ISmartCardReaderService : IDisposable
{
    /// <summary>Names of the readers attached now; empty when the service runs but has no reader.</summary>
    IReadOnlyList<string> ListReaders();

    /// <summary>
    /// Waits until a card is present in <paramref name="readerName"/> (or in any reader when null) and
    /// returns the name of the reader holding it. Throws <see cref="SmartCardException"/> with
    /// <see cref="SmartCardError.Timeout"/> when none arrives in time.
    /// </summary>
    Task<string> WaitForCardAsync(string? readerName, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Waits until the reader is empty again (the passenger took the passport away).</summary>
    Task WaitForCardRemovalAsync(string readerName, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Connects to the card in the reader, negotiating T=0 or T=1.</summary>
    ISmartCardConnection Connect(string readerName);
}
