using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using PassengerGate.Hardware.Pcsc.Native;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.Hardware.Pcsc;

/// <summary>
/// The readers known to the local PC/SC service (pcscd on Linux). Each wait and each card session uses its own
/// PC/SC context, so a kiosk can wait for the next passport while another session is still open.
/// </summary>
public sealed class PcscReaderService : ISmartCardReaderService
{
    private readonly PcscContext _context;
    private readonly Lock _gate = new();

    /// <summary>Connects to the PC/SC service; throws <see cref="SmartCardException"/> (ServiceUnavailable) when pcscd is not running.</summary>
    public PcscReaderService()
    {
        _context = PcscContext.Establish();
    }

    public IReadOnlyList<string> ListReaders()
    {
        lock (_gate)
        {
            return ListReaders(_context);
        }
    }

    public Task<string> WaitForCardAsync(string? readerName, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(readerName, present: true, timeout, cancellationToken);

    public Task WaitForCardRemovalAsync(string readerName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readerName);
        return WaitAsync(readerName, present: false, timeout, cancellationToken);
    }

    public ISmartCardConnection Connect(string readerName) => PcscCardChannel.Connect(readerName);

    public void Dispose() => _context.Dispose();

    internal static unsafe List<string> ListReaders(PcscContext context)
    {
        nuint length = 0;
        var rv = PcscLite.SCardListReaders(context.Handle, 0, null, ref length);
        if (PcscErrors.Code(rv) == PcscConstants.NoReadersAvailable)
        {
            return [];
        }

        PcscErrors.ThrowIfFailed(rv, "Listing smart-card readers");
        var buffer = new byte[checked((int)length)];
        fixed (byte* names = buffer)
        {
            rv = PcscLite.SCardListReaders(context.Handle, 0, names, ref length);
        }

        if (PcscErrors.Code(rv) == PcscConstants.NoReadersAvailable)
        {
            return [];
        }

        PcscErrors.ThrowIfFailed(rv, "Listing smart-card readers");

        // A multi-string: names separated by NUL, ended by an empty name.
        return Encoding.UTF8.GetString(buffer, 0, checked((int)length))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .ToList();
    }

    private static async Task<string> WaitAsync(string? readerName, bool present, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var context = PcscContext.Establish();
        var readers = ListReaders(context);
        if (readers.Count == 0)
        {
            throw PcscErrors.Create(PcscConstants.NoReadersAvailable, "Waiting for a card");
        }

        if (readerName is not null)
        {
            if (!readers.Contains(readerName, StringComparer.Ordinal))
            {
                throw PcscErrors.Create(PcscConstants.UnknownReader, "Waiting for a card", readerName);
            }

            readers = [readerName];
        }

        using var cancel = cancellationToken.Register(context.Cancel);
        try
        {
            return await Task.Run(() => WaitBlocking(context, readers, present, timeout), CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmartCardException e) when (e.Error == SmartCardError.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The wait for a card was cancelled.", e, cancellationToken);
        }
    }

    private static unsafe string WaitBlocking(PcscContext context, List<string> readers, bool present, TimeSpan timeout)
    {
        var operation = present ? "Waiting for a card" : "Waiting for the card to be removed";
        var clock = Stopwatch.StartNew();
        var states = new ScardReaderState[readers.Count];
        var names = new nint[readers.Count];
        try
        {
            for (var i = 0; i < readers.Count; i++)
            {
                names[i] = Marshal.StringToCoTaskMemUTF8(readers[i]);
                states[i].Reader = names[i];
                states[i].CurrentState = PcscConstants.StateUnaware;
            }

            while (true)
            {
                var waitMs = PcscConstants.Infinite;
                if (timeout != Timeout.InfiniteTimeSpan)
                {
                    var left = timeout - clock.Elapsed;
                    waitMs = left <= TimeSpan.Zero ? 0 : (nuint)Math.Min((long)Math.Ceiling(left.TotalMilliseconds), uint.MaxValue - 1);
                }

                nint rv;
                fixed (ScardReaderState* statesPointer = states)
                {
                    rv = PcscLite.SCardGetStatusChange(context.Handle, waitMs, statesPointer, (nuint)states.Length);
                }

                var code = PcscErrors.Code(rv);
                if (code == PcscConstants.Timeout)
                {
                    throw new SmartCardException(
                        SmartCardError.Timeout,
                        $"{operation} timed out after {timeout} on {string.Join(", ", readers)}.",
                        code);
                }

                PcscErrors.ThrowIfFailed(rv, operation, readers.Count == 1 ? readers[0] : null);
                for (var i = 0; i < states.Length; i++)
                {
                    var state = states[i].EventState;
                    if ((state & (PcscConstants.StateUnknown | PcscConstants.StateIgnore)) != 0)
                    {
                        throw PcscErrors.Create(PcscConstants.UnknownReader, operation, readers[i]);
                    }

                    var hasCard = (state & PcscConstants.StatePresent) != 0 && (state & PcscConstants.StateMute) == 0;
                    var isEmpty = (state & PcscConstants.StateEmpty) != 0;
                    if (present ? hasCard : isEmpty)
                    {
                        return readers[i];
                    }

                    states[i].CurrentState = state & ~PcscConstants.StateChanged;
                }
            }
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }
}
