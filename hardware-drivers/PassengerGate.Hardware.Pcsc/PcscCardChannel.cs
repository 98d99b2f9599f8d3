using PassengerGate.Hardware.Pcsc.Native;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.Hardware.Pcsc;

/// <summary>
/// A PC/SC session with the card in one reader. APDUs go out unchanged: T=0 GET RESPONSE chaining (SW 61xx) and
/// secure messaging belong to the caller. Disposing resets the card so no BAC/PACE session survives the passenger.
/// </summary>
public sealed class PcscCardChannel : ISmartCardConnection
{
    private readonly PcscContext _context;
    private readonly Lock _gate = new();
    private nint _card;

    private PcscCardChannel(PcscContext context, nint card, string readerName, SmartCardProtocol protocol, byte[] atr)
    {
        _context = context;
        _card = card;
        ReaderName = readerName;
        Protocol = protocol;
        Atr = atr;
    }

    public string ReaderName { get; }

    public SmartCardProtocol Protocol { get; }

    public ReadOnlyMemory<byte> Atr { get; }

    /// <summary>Connects in shared mode, letting the reader pick T=0 or T=1.</summary>
    public static PcscCardChannel Connect(string readerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readerName);
        var context = PcscContext.Establish();
        try
        {
            var rv = PcscLite.SCardConnect(
                context.Handle,
                readerName,
                PcscConstants.ShareShared,
                PcscConstants.ProtocolT0 | PcscConstants.ProtocolT1,
                out var card,
                out var protocol);
            PcscErrors.ThrowIfFailed(rv, "Connecting to the card", readerName);
            try
            {
                var atr = ReadAtr(card, readerName);
                return new PcscCardChannel(context, card, readerName, (SmartCardProtocol)(int)protocol, atr);
            }
            catch
            {
                _ = PcscLite.SCardDisconnect(card, PcscConstants.LeaveCard);
                throw;
            }
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public Task<byte[]> TransmitAsync(byte[] commandApdu, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        if (commandApdu.Length < 4)
        {
            throw new ArgumentException("A command APDU has at least CLA INS P1 P2.", nameof(commandApdu));
        }

        ct.ThrowIfCancellationRequested();

        // The RF exchange blocks for as long as the card takes; keep it off the caller's thread.
        return Task.Run(() => Transmit(commandApdu), ct);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_card != 0)
            {
                _ = PcscLite.SCardDisconnect(_card, PcscConstants.ResetCard);
                _card = 0;
            }
        }

        _context.Dispose();
    }

    private static unsafe byte[] ReadAtr(nint card, string readerName)
    {
        var name = new byte[PcscConstants.MaxReaderName * 2];
        var atr = new byte[ScardReaderState.MaxAtrSize];
        var nameLength = (nuint)name.Length;
        var atrLength = (nuint)atr.Length;
        nint rv;
        fixed (byte* namePointer = name)
        fixed (byte* atrPointer = atr)
        {
            rv = PcscLite.SCardStatus(card, namePointer, ref nameLength, out _, out _, atrPointer, ref atrLength);
        }

        PcscErrors.ThrowIfFailed(rv, "Reading the card status", readerName);
        return atr[..checked((int)atrLength)];
    }

    private unsafe byte[] Transmit(byte[] commandApdu)
    {
        var response = new byte[PcscConstants.MaxExtendedBuffer];
        var responseLength = (nuint)response.Length;
        var sendPci = new ScardIoRequest { Protocol = (nuint)Protocol, PciLength = (nuint)sizeof(ScardIoRequest) };
        nint rv;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_card == 0, this);
            fixed (byte* command = commandApdu)
            fixed (byte* received = response)
            {
                rv = PcscLite.SCardTransmit(_card, &sendPci, command, (nuint)commandApdu.Length, null, received, ref responseLength);
            }
        }

        PcscErrors.ThrowIfFailed(rv, "Sending an APDU to the card", ReaderName);
        if (responseLength < 2)
        {
            throw new SmartCardException(
                SmartCardError.CommunicationFailure,
                $"The card in reader '{ReaderName}' answered without a status word.");
        }

        return response[..checked((int)responseLength)];
    }
}
