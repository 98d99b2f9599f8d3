using PassengerGate.Hardware.Pcsc.Native;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.Hardware.Pcsc;

/// <summary>
/// One SCARDCONTEXT. pcsc-lite serialises calls per context and a blocking SCardGetStatusChange holds it,
/// so waits and card sessions each get their own context.
/// </summary>
internal sealed class PcscContext : IDisposable
{
    private nint _handle;

    private PcscContext(nint handle) => _handle = handle;

    public nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(PcscContext));

    public static PcscContext Establish()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The PC/SC driver binds pcsc-lite's 64-bit Linux ABI (libpcsclite.so.1).");
        }

        nint rv;
        nint handle;
        try
        {
            rv = PcscLite.SCardEstablishContext(PcscConstants.ScopeSystem, 0, 0, out handle);
        }
        catch (DllNotFoundException e)
        {
            throw new SmartCardException(
                SmartCardError.ServiceUnavailable,
                $"{PcscLite.Library} is not installed (Debian: apt-get install libpcsclite1 pcscd).", e);
        }

        PcscErrors.ThrowIfFailed(rv, "Connecting to the PC/SC service");
        return new PcscContext(handle);
    }

    /// <summary>Makes a blocking SCardGetStatusChange on this context return SCARD_E_CANCELLED; safe from any thread.</summary>
    public void Cancel()
    {
        var handle = _handle;
        if (handle != 0)
        {
            _ = PcscLite.SCardCancel(handle);
        }
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
        {
            _ = PcscLite.SCardReleaseContext(handle);
        }
    }
}
