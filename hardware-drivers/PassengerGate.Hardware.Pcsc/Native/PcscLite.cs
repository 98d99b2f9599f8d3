using System.Runtime.InteropServices;

namespace PassengerGate.Hardware.Pcsc.Native;

/// <summary>
/// P/Invoke declarations for pcsc-lite (Debian libpcsclite1). On 64-bit Linux pcsc-lite declares DWORD as
/// <c>unsigned long</c> and LONG, SCARDCONTEXT and SCARDHANDLE as <c>long</c>: all 8 bytes, hence nuint/nint.
/// (winscard.dll on Windows and macOS's PCSC.framework use 4-byte DWORDs; these declarations are Linux-only.)
/// </summary>
internal static unsafe partial class PcscLite
{
    public const string Library = "libpcsclite.so.1";

    [LibraryImport(Library)]
    public static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    public static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    public static partial nint SCardListReaders(nint context, nint groups, byte* readers, ref nuint readersLength);

    [LibraryImport(Library)]
    public static partial nint SCardGetStatusChange(nint context, nuint timeoutMilliseconds, ScardReaderState* readerStates, nuint readerCount);

    [LibraryImport(Library)]
    public static partial nint SCardCancel(nint context);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint SCardConnect(nint context, string reader, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardStatus(nint card, byte* readerName, ref nuint readerNameLength, out nuint state, out nuint protocol, byte* atr, ref nuint atrLength);

    [LibraryImport(Library)]
    public static partial nint SCardTransmit(nint card, ScardIoRequest* sendPci, byte* sendBuffer, nuint sendLength, ScardIoRequest* receivePci, byte* receiveBuffer, ref nuint receiveLength);

    [LibraryImport(Library)]
    public static partial nint SCardDisconnect(nint card, nuint disposition);
}
