using System.IO.Pipes;
using PassengerGate.Hardware.Mrz;
using PassengerGate.Hardware.Readers;
using PassengerGate.Hardware.Serial.Mrz;
using PassengerGate.Hardware.Simulators.Mrz;
using PassengerGate.Hardware.Tests.Mrz;
using PassengerGate.Hardware.Tests.Support;

using PassengerGate.TestSupport.Serial;

namespace PassengerGate.Hardware.Tests.Serial;

public class SerialMrzReaderTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(MrzFraming.StxEtx)]
    [InlineData(MrzFraming.Rte6701)]
    [InlineData(MrzFraming.KeyboardWedge)]
    public async Task Passport_swiped_on_a_reader_behind_a_pseudo_terminal_is_read_through_SerialPort(MrzFraming framing)
    {
        using var pty = await SocatPtyPair.StartAsync();
        await using var reader = new SerialMrzReader(new SerialMrzReaderOptions { PortName = pty.HostPath, Framing = framing });
        var placed = 0;
        var read = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.DocumentPlaced += (_, _) => Interlocked.Increment(ref placed);
        reader.MrzRead += (_, e) => read.TrySetResult(e.Lines);
        reader.Fault += (_, e) => read.TrySetException(new InvalidOperationException(e.Reason));
        await reader.StartAsync(CancellationToken.None);

        await using (var device = SimulatedMrzReaderDevice.OpenTerminal(pty.DevicePath, framing))
        {
            await device.PresentDocumentAsync(Specimens.Td3, chunkSize: 13, CancellationToken.None);
        }

        Assert.Equal(Specimens.Td3, await read.Task.WaitAsync(EventTimeout));
        Assert.Equal(1, Volatile.Read(ref placed));
    }

    [Fact]
    public async Task Line_noise_and_a_misread_frame_raise_a_fault_and_the_next_document_is_still_read()
    {
        using var pty = await SocatPtyPair.StartAsync();
        await using var reader = new SerialMrzReader(new SerialMrzReaderOptions { PortName = pty.HostPath, Framing = MrzFraming.StxEtx });
        var faults = new List<string>();
        var read = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.MrzRead += (_, e) => read.TrySetResult(e.Lines);
        reader.Fault += (_, e) =>
        {
            lock (faults)
            {
                faults.Add(e.Reason);
            }
        };
        await reader.StartAsync(CancellationToken.None);

        await using (var device = SimulatedMrzReaderDevice.OpenTerminal(pty.DevicePath, MrzFraming.StxEtx))
        {
            // A TD1 frame whose second line lost 2 characters (DESKO sends frames despite recognition errors, tech.md §3.2).
            var misread = MrzFrameEncoder.Encode(MrzFraming.StxEtx, [Specimens.Td1[0], Specimens.Td1[1][..28], Specimens.Td1[2]]);
            await device.SendRawAsync([0x00, 0xFF, 0x7E, .. misread], chunkSize: 5, CancellationToken.None);
            await device.PresentDocumentAsync(Specimens.Td1, chunkSize: 64, CancellationToken.None);
        }

        Assert.Equal(Specimens.Td1, await read.Task.WaitAsync(EventTimeout));
        lock (faults)
        {
            Assert.Single(faults);
        }
    }

    [Fact]
    public async Task Opening_a_port_that_does_not_exist_fails_with_the_port_name_in_the_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pgate-no-such-tty-" + Guid.NewGuid().ToString("N"));
        await using var reader = new SerialMrzReader(new SerialMrzReaderOptions { PortName = missing });

        var error = await Assert.ThrowsAsync<IOException>(() => reader.StartAsync(CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_MrzRead_handler_is_reported_as_a_fault_and_the_next_document_is_still_read()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        await using var reader = new SerialMrzReader(new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle), MrzFraming.StxEtx);
        var calls = 0;
        var fault = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.MrzRead += (_, e) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("kiosk UI is busy");
            }

            second.TrySetResult(e.Lines);
        };
        reader.Fault += (_, e) => fault.TrySetResult(e.Reason);
        await reader.StartAsync(CancellationToken.None);

        var device = new SimulatedMrzReaderDevice(pipe, MrzFraming.StxEtx);
        await device.PresentDocumentAsync(Specimens.Td3, chunkSize: 100, CancellationToken.None);
        await device.PresentDocumentAsync(Specimens.Td2, chunkSize: 100, CancellationToken.None);

        Assert.Contains("kiosk UI is busy", await fault.Task.WaitAsync(EventTimeout), StringComparison.Ordinal);
        Assert.Equal(Specimens.Td2, await second.Task.WaitAsync(EventTimeout));
    }
}
