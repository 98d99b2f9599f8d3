using System.Runtime.InteropServices;

namespace PassengerGate.Hardware.Pcsc.Native;

/// <summary>pcsc-lite SCARD_READERSTATE (not packed on Linux): 5 pointer-sized fields then MAX_ATR_SIZE (33) ATR bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ScardReaderState
{
    public const int MaxAtrSize = 33;

    public nint Reader;
    public nint UserData;
    public nuint CurrentState;
    public nuint EventState;
    public nuint AtrLength;
    public fixed byte Atr[MaxAtrSize];
}
