using System.IO.Ports;
using PassengerGate.Hardware.Mrz;
using PassengerGate.Hardware.Readers;

namespace PassengerGate.Hardware.Serial.Mrz;

/// <summary>
/// An OCR-only passport reader on a serial line (RS-232, USB CDC-ACM or a USB-serial bridge). It pushes
/// one frame per document swipe; there is no command channel, so the driver only listens.
/// Events are raised on a background thread.
/// </summary>
public sealed class SerialMrzReader : IPassportReader
{
    private const int ReadBufferSize = 256;

    private readonly SerialMrzReaderOptions? _options;
    private readonly MrzFrameDecoder _decoder;
    private readonly Lock _gate = new();
    private Stream? _stream;
    private SerialPort? _port;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public SerialMrzReader(SerialMrzReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PortName);
        _options = options;
        _decoder = new MrzFrameDecoder(options.Framing);
    }

    /// <summary>Reads frames from an already open stream (a TCP serial server, or a test pipe); the reader owns it.</summary>
    public SerialMrzReader(Stream stream, MrzFraming framing)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _decoder = new MrzFrameDecoder(framing);
    }

    public event EventHandler? DocumentPlaced;

    public event EventHandler<MrzReadEventArgs>? MrzRead;

    public event EventHandler<ReaderFaultEventArgs>? Fault;

    // An OCR-only reader has no RF antenna and no paper sensor: it never reports chip progress or removal.
    public event EventHandler<ChipProgressEventArgs>? ChipProgress
    {
        add { }
        remove { }
    }

    public event EventHandler? DocumentRemoved
    {
        add { }
        remove { }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("The reader is already started.");
            }

            var stream = _stream ?? OpenPort();
            _decoder.Reset();
            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => ReadLoopAsync(stream, _stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _loop = null;
            _stopping?.Cancel();
        }

        // Closing the port also ends a read that ignores cancellation.
        _port?.Close();
        if (_options is null)
        {
            _stream?.Dispose();
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        _stopping?.Dispose();
        _stopping = null;
        _port?.Dispose();
        _port = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stream?.Dispose();
    }

    private Stream OpenPort()
    {
        var options = _options!;
        var port = new SerialPort(options.PortName, options.BaudRate, options.Parity, options.DataBits, options.StopBits)
        {
            Handshake = options.Handshake,
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            port.Dispose();
            throw new IOException(
                $"Cannot open the MRZ reader on serial port '{options.PortName}': {e.Message}", e);
        }

        _port = port;
        return port.BaseStream;
    }

    private async Task ReadLoopAsync(Stream stream, CancellationToken stopping)
    {
        var buffer = new byte[ReadBufferSize];
        while (!stopping.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                if (!stopping.IsCancellationRequested)
                {
                    Fault?.Invoke(this, new ReaderFaultEventArgs("the serial MRZ reader connection failed: " + e.Message, e));
                }

                return;
            }

            if (read == 0)
            {
                if (!stopping.IsCancellationRequested)
                {
                    Fault?.Invoke(this, new ReaderFaultEventArgs("the serial MRZ reader closed the connection"));
                }

                return;
            }

            foreach (var frame in _decoder.Decode(buffer.AsSpan(0, read)))
            {
                try
                {
                    Dispatch(frame);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failing subscriber must not stop the kiosk from reading the next passport.
                    Fault?.Invoke(this, new ReaderFaultEventArgs("a reader event handler failed: " + e.Message, e));
                }
            }
        }
    }

    private void Dispatch(MrzFrameResult frame)
    {
        if (frame.IsRead)
        {
            DocumentPlaced?.Invoke(this, EventArgs.Empty);
            MrzRead?.Invoke(this, new MrzReadEventArgs(frame.Lines));
        }
        else
        {
            Fault?.Invoke(this, new ReaderFaultEventArgs(frame.Problem!));
        }
    }
}
