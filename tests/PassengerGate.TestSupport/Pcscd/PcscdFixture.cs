using System.Diagnostics;
using Xunit;
using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.Simulators.Vpcd;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.TestSupport.Pcscd;

/// <summary>
/// The machine's pcscd with vsmartcard's vpcd reader, for end-to-end PC/SC tests. The fixture never starts or
/// stops pcscd: deploy/test.sh starts one for the whole run (docs/decisions/0006). Several test processes starting,
/// stopping and reusing one machine-wide daemon raced each other (a daemon stopped by one process while another
/// waited for its reader; vpcd's port rebound while the last card connection was closing). vpcd has one fixed
/// port per machine and holds one card, so the fixture still takes a machine-wide lock for as long as its tests run.
/// </summary>
public sealed class PcscdFixture : IAsyncLifetime
{
    public const string FirstVirtualReader = "Virtual PCD 00 00";

    private const string PcscdSocket = "/run/pcscd/pcscd.comm";
    private const string VpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "passengergate-pcscd.lock");
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReaderTimeout = TimeSpan.FromSeconds(30);

    private FileStream? _lock;

    /// <summary>TCP port of vpcd's first slot, read from the installed reader.conf.</summary>
    public int VpcdPort { get; private set; }

    public static string NotRunningMessage =>
        $"No pcscd is running ({PcscdSocket} is missing). deploy/test.sh starts one for the whole run; "
        + "to run these tests by hand start it first: sudo pcscd --foreground &";

    public async Task InitializeAsync()
    {
        if (!File.Exists(VpcdDriver) || !File.Exists(VpcdConfiguration.DefaultConfigurationFile))
        {
            throw new InvalidOperationException(
                "The PC/SC tests need pcscd and vsmartcard's vpcd driver: apt-get install -y pcscd libpcsclite1 vsmartcard-vpcd.");
        }

        VpcdPort = VpcdConfiguration.ReadPort();
        _lock = await AcquireMachineLockAsync();
        try
        {
            await WaitForVirtualReaderAsync();
        }
        catch
        {
            await _lock.DisposeAsync();
            _lock = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }
    }

    private static async Task<FileStream> AcquireMachineLockAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // On Unix .NET backs FileShare.None with an advisory flock, which other processes respect (and
                // deploy/test.sh's flock(1)). Read access is enough for flock, so a lock file another user
                // created (mode 0644) still serves; an existing file is opened without O_CREAT because
                // fs.protected_regular refuses O_CREAT on another user's file in sticky /tmp, even to root.
                return new FileStream(LockFile, File.Exists(LockFile) ? FileMode.Open : FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockTimeout)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitForVirtualReaderAsync()
    {
        if (!File.Exists(PcscdSocket))
        {
            throw new InvalidOperationException(NotRunningMessage);
        }

        var clock = Stopwatch.StartNew();
        string last = "not tried";
        while (clock.Elapsed < ReaderTimeout)
        {
            try
            {
                using var service = new PcscReaderService();
                var readers = service.ListReaders();
                if (readers.Contains(FirstVirtualReader, StringComparer.Ordinal))
                {
                    return;
                }

                last = "readers: " + string.Join(", ", readers);
            }
            catch (SmartCardException e) when (e.Error == SmartCardError.ServiceUnavailable)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"pcscd did not offer '{FirstVirtualReader}' within {ReaderTimeout} ({last}). pcscd reads /etc/reader.conf.d only when it starts: was it started before vsmartcard-vpcd was installed?");
    }
}
