namespace PassengerGate.Hardware.Pcsc.Native;

/// <summary>Values from pcsc-lite's pcsclite.h.</summary>
internal static class PcscConstants
{
    public const nuint ScopeSystem = 2;

    public const nuint ShareShared = 2;

    public const nuint ProtocolT0 = 1;
    public const nuint ProtocolT1 = 2;

    public const nuint LeaveCard = 0;
    public const nuint ResetCard = 1;

    public const nuint Infinite = 0xFFFFFFFF;

    public const nuint StateUnaware = 0x0000;
    public const nuint StateIgnore = 0x0001;
    public const nuint StateChanged = 0x0002;
    public const nuint StateUnknown = 0x0004;
    public const nuint StateUnavailable = 0x0008;
    public const nuint StateEmpty = 0x0010;
    public const nuint StatePresent = 0x0020;
    public const nuint StateMute = 0x0200;

    /// <summary>MAX_BUFFER_SIZE_EXTENDED: 4 header + 3 Lc + 65536 data + 3 Le + 2 SW (ePassport DG2 reads use extended length).</summary>
    public const int MaxExtendedBuffer = 4 + 3 + 65536 + 3 + 2;

    /// <summary>MAX_READERNAME.</summary>
    public const int MaxReaderName = 128;

    public const uint Success = 0;
    public const uint Cancelled = 0x80100002;
    public const uint InsufficientBuffer = 0x80100008;
    public const uint UnknownReader = 0x80100009;
    public const uint Timeout = 0x8010000A;
    public const uint SharingViolation = 0x8010000B;
    public const uint NoSmartcard = 0x8010000C;
    public const uint ProtocolMismatch = 0x8010000F;
    public const uint CommError = 0x80100013;
    public const uint NotTransacted = 0x80100016;
    public const uint ReaderUnavailable = 0x80100017;
    public const uint NoService = 0x8010001D;
    public const uint ServiceStopped = 0x8010001E;
    public const uint NoReadersAvailable = 0x8010002E;
    public const uint UnresponsiveCard = 0x80100066;
    public const uint UnpoweredCard = 0x80100067;
    public const uint ResetCardWarning = 0x80100068;
    public const uint RemovedCard = 0x80100069;
}
