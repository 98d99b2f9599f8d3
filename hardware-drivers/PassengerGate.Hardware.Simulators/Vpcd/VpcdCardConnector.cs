using System.Buffers.Binary;
using System.Net.Sockets;

namespace PassengerGate.Hardware.Simulators.Vpcd;

/// <summary>
/// Inserts an <see cref="ISimulatedCard"/> into vpcd's virtual reader, as vsmartcard's vicc does: connect to
/// vpcd's TCP port, then answer its messages. Each message is a 2-byte big-endian length and a payload; a
/// 1-byte payload is a control (0 power off, 1 power on, 2 reset, 4 "send the ATR"), anything longer is a
/// command APDU answered with the response APDU. Disposing the connector removes the card.
/// </summary>
public sealed class VpcdCardConnector : IAsyncDisposable
{
    private const byte PowerOff = 0;
    private const byte PowerOn = 1;
    private const byte Reset = 2;
    private const byte SendAtr = 4;

    // ISO 7816-4 SW 6F00 "no precise diagnosis": what a card answers when its own processing fails.
    private static readonly byte[] NoPreciseDiagnosis = [0x6F, 0x00];

    private readonly ISimulatedCard _card;
    private readonly TcpClient _client;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    private VpcdCardConnector(ISimulatedCard card, TcpClient client)
    {
        _card = card;
        _client = client;
    }

    /// <summary>Ends when vpcd closes the connection or the connector is disposed; faults if the exchange broke.</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    /// <summary>
    /// Connects the card to vpcd, retrying while vpcd is not listening yet (pcscd loads it at start-up) until
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task<VpcdCardConnector> ConnectAsync(
        ISimulatedCard card, string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        while (true)
        {
            var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
                var connector = new VpcdCardConnector(card, client);
                connector._loop = Task.Run(() => connector.ServeAsync(connector._stopping.Token), CancellationToken.None);
                return connector;
            }
            catch (SocketException) when (!cancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _client.Dispose();
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Closing the socket under a pending read is how the loop is stopped.
            }
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync(CancellationToken stopping)
    {
        var stream = _client.GetStream();
        var header = new byte[2];
        while (!stopping.IsCancellationRequested)
        {
            if (!await ReadExactlyOrEndAsync(stream, header, stopping).ConfigureAwait(false))
            {
                return;
            }

            var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            if (!await ReadExactlyOrEndAsync(stream, payload, stopping).ConfigureAwait(false))
            {
                return;
            }

            var reply = Handle(payload);
            if (reply is not null)
            {
                var message = new byte[2 + reply.Length];
                BinaryPrimitives.WriteUInt16BigEndian(message, checked((ushort)reply.Length));
                reply.CopyTo(message, 2);
                await stream.WriteAsync(message, stopping).ConfigureAwait(false);
            }
        }
    }

    private byte[]? Handle(byte[] payload)
    {
        if (payload.Length == 1)
        {
            switch (payload[0])
            {
                case PowerOff:
                    _card.PowerOff();
                    return null;
                case PowerOn:
                    _card.PowerOn();
                    return null;
                case Reset:
                    _card.Reset();
                    return null;
                case SendAtr:
                    return _card.Atr;
                default:
                    return null; // vicc ignores unknown controls too.
            }
        }

        try
        {
            return _card.Process(payload);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return NoPreciseDiagnosis;
        }
    }

    private static async Task<bool> ReadExactlyOrEndAsync(NetworkStream stream, byte[] buffer, CancellationToken stopping)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, stopping).ConfigureAwait(false);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }
}
