using System.Runtime.InteropServices;

namespace PassengerGate.Hardware.Pcsc.Native;

/// <summary>
/// pcsc-lite SCARD_IO_REQUEST {unsigned long dwProtocol; unsigned long cbPciLength;}. Filling our own is
/// equivalent to passing the exported g_rgSCardT0Pci / g_rgSCardT1Pci.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScardIoRequest
{
    public nuint Protocol;
    public nuint PciLength;
}
