using System.Net;
using System.Net.Sockets;

namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>
/// A receipt printer that keeps every byte it is sent and can say what it printed. Bytes arrive by
/// <see cref="Receive"/> (a USB or serial port in tests) or over TCP like a network printer's raw port 9100:
/// <see cref="StartOnLoopback"/> listens on 127.0.0.1 with a free port.
/// </summary>
public sealed class SimulatedReceiptPrinter : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<byte> received = [];
    private readonly TcpListener? listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting = Task.CompletedTask;

    public SimulatedReceiptPrinter()
    {
    }

    private SimulatedReceiptPrinter(TcpListener listener)
    {
        this.listener = listener;
        accepting = AcceptAsync(listener, stopping.Token);
    }

    /// <summary>The loopback endpoint when listening, otherwise null.</summary>
    public IPEndPoint? EndPoint => (IPEndPoint?)listener?.LocalEndpoint;

    /// <summary>Jobs completed over TCP (one per closed connection), for a test to await without polling.</summary>
    public event EventHandler? JobReceived;

    public static SimulatedReceiptPrinter StartOnLoopback()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SimulatedReceiptPrinter(listener);
    }

    public void Receive(ReadOnlySpan<byte> bytes)
    {
        lock (gate)
        {
            received.AddRange(bytes);
        }
    }

    public byte[] ReceivedBytes()
    {
        lock (gate)
        {
            return [.. received];
        }
    }

    /// <summary>What the bytes so far printed; <see cref="EscPosFormatException"/> when they are not valid ESC/POS.</summary>
    public Printout Printout() => EscPosInterpreter.Parse(ReceivedBytes());

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener?.Stop();
        try
        {
            await accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the only way out of the accept loop.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener tcp, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await tcp.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && token.IsCancellationRequested)
            {
                return;
            }

            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                int read;
                while ((read = await stream.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
                {
                    Receive(buffer.AsSpan(0, read));
                }
            }

            JobReceived?.Invoke(this, EventArgs.Empty);
        }
    }
}
