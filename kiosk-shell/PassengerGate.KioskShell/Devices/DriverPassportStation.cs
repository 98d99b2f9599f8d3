using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PassengerGate.Hardware.Kiosk;
using PassengerGate.Hardware.Readers;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// The passport station on real drivers: the OCR reader (an <see cref="IPassportReader"/>, e.g. Hardware.Serial's
/// SerialMrzReader) gives the MRZ, then the PC/SC reader (when configured) gives the chip. The reader is opened
/// at start-up so a missing or failing device takes the kiosk out of service before a passenger comes.
/// </summary>
public sealed class DriverPassportStation(
    IPassportReader reader,
    ISmartCardReaderService? cards,
    DeviceHealth health,
    IOptions<KioskOptions> options,
    ILogger<DriverPassportStation> logger) : IPassportStation, IHostedService
{
    private readonly Channel<IReadOnlyList<string>> _mrz = Channel.CreateBounded<IReadOnlyList<string>>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private ISmartCardConnection? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        reader.MrzRead += (_, e) => _mrz.Writer.TryWrite(e.Lines);
        reader.Fault += (_, e) => health.Report("passportReader", e.Reason);
        try
        {
            await reader.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            logger.LogError("Passport reader did not open: {Message}", ex.Message);
            health.Report("passportReader", $"cannot open: {ex.Message}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _connection?.Dispose();
        await reader.StopAsync();
    }

    public async Task<PassportPresentation> WaitForPassportAsync(CancellationToken ct)
    {
        // A passport read before this passenger pressed start belongs to nobody.
        while (_mrz.Reader.TryRead(out _))
        {
        }

        _connection?.Dispose();
        _connection = null;
        var lines = await _mrz.Reader.ReadAsync(ct);
        if (cards is null)
        {
            return new PassportPresentation(lines, null);
        }

        var devices = options.Value.Devices;
        try
        {
            var readerName = await cards.WaitForCardAsync(devices.PcscReader, devices.ChipWait, ct);
            _connection = cards.Connect(readerName);
            return new PassportPresentation(lines, _connection);
        }
        catch (SmartCardException ex) when (ex.Error == SmartCardError.Timeout)
        {
            // No chip answered the antenna: a passport without a chip (the service decides what that means).
            return new PassportPresentation(lines, null);
        }
        catch (SmartCardException ex)
        {
            health.Report("chipReader", ex.Message);
            throw;
        }
    }
}
