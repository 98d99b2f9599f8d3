namespace PassengerGate.Hardware.Readers;

/// <summary>
/// A passport reader as the kiosk sees it: something that notices a document, reads its MRZ and
/// (when it has an RF antenna) its chip, and reports trouble as a fault instead of throwing on a
/// background thread.
/// </summary>
public interface IPassportReader : IAsyncDisposable
{
    event EventHandler? DocumentPlaced;

    event EventHandler<MrzReadEventArgs>? MrzRead;

    event EventHandler<ChipProgressEventArgs>? ChipProgress;

    event EventHandler? DocumentRemoved;

    event EventHandler<ReaderFaultEventArgs>? Fault;

    /// <summary>Opens the device and starts listening; returns once the device is open.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops listening and closes the device; safe to call more than once.</summary>
    Task StopAsync();
}
