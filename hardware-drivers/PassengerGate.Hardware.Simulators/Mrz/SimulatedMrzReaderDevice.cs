using PassengerGate.Hardware.Mrz;

namespace PassengerGate.Hardware.Simulators.Mrz;

/// <summary>
/// The device side of a serial OCR reader: writes the frames a real reader would send when a
/// document is swiped. Point it at one end of a pseudo-terminal pair (socat) and the driver at the other.
/// </summary>
public sealed class SimulatedMrzReaderDevice : IAsyncDisposable
{
    private readonly Stream _output;

    public SimulatedMrzReaderDevice(Stream output, MrzFraming framing)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        Framing = framing;
    }

    public MrzFraming Framing { get; }

    /// <summary>Opens a terminal device (e.g. a pty made by socat) for writing.</summary>
    public static SimulatedMrzReaderDevice OpenTerminal(string devicePath, MrzFraming framing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devicePath);
        var stream = new FileStream(devicePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        return new SimulatedMrzReaderDevice(stream, framing);
    }

    /// <summary>
    /// Sends the frame for a document, <paramref name="chunkSize"/> bytes per write so the receiver sees it split
    /// across reads as it does at 9600 baud.
    /// </summary>
    public async Task PresentDocumentAsync(IReadOnlyList<string> mrzLines, int chunkSize, CancellationToken cancellationToken)
    {
        await SendRawAsync(MrzFrameEncoder.Encode(Framing, mrzLines), chunkSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends arbitrary bytes: line noise, a cut-off frame, or a hand-made frame.</summary>
    public async Task SendRawAsync(byte[] bytes, int chunkSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var count = Math.Min(chunkSize, bytes.Length - offset);
            await _output.WriteAsync(bytes.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _output.DisposeAsync();
}
