using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;
using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.Simulators.Vpcd;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.TestSupport.Pcscd;

/// <summary>
/// A running pcscd with vsmartcard's vpcd reader loaded, for end-to-end PC/SC tests. pcscd has one fixed socket
/// (/run/pcscd/pcscd.comm) and vpcd one fixed port per machine, so the fixture first takes a machine-wide lock
/// (other test processes wait), then reuses a pcscd that is already running or starts its own in the foreground
/// and stops it (SIGTERM) on dispose. Its own pcscd runs with --auto-exit so a crashed test host leaves no
/// daemon behind for more than a minute.
/// </summary>
public sealed class PcscdFixture : IAsyncLifetime
{
    public const string FirstVirtualReader = "Virtual PCD 00 00";

    private const string PcscdSocket = "/run/pcscd/pcscd.comm";
    private const string PcscdPidFile = "/run/pcscd/pcscd.pid";
    private const string VpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "passengergate-pcscd.lock");
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _log = new();
    private FileStream? _lock;
    private Process? _pcscd;

    /// <summary>TCP port of vpcd's first slot, read from the installed reader.conf.</summary>
    public int VpcdPort { get; private set; }

    public bool StartedByFixture => _pcscd is not null;

    public string PcscdLog
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/pcscd") || !File.Exists(VpcdDriver) || !File.Exists(VpcdConfiguration.DefaultConfigurationFile))
        {
            throw new InvalidOperationException(
                "The PC/SC tests need pcscd and vsmartcard's vpcd driver: apt-get install -y pcscd libpcsclite1 vsmartcard-vpcd.");
        }

        VpcdPort = VpcdConfiguration.ReadPort();
        _lock = await AcquireMachineLockAsync();
        if (!IsDaemonRunning())
        {
            StartDaemon();
        }

        await WaitForVirtualReaderAsync();
    }

    public async Task DisposeAsync()
    {
        if (_pcscd is not null)
        {
            if (!_pcscd.HasExited)
            {
                // SIGTERM lets pcscd remove its socket and pid file; Process.Kill would send SIGKILL.
                using (var kill = Process.Start("kill", ["-TERM", _pcscd.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _pcscd.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _pcscd.Kill();
                }
            }

            _pcscd.Dispose();
            _pcscd = null;
        }

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
                // On Unix .NET backs FileShare.None with an advisory flock, which other processes respect.
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockTimeout)
            {
                await Task.Delay(200);
            }
        }
    }

    private static bool IsDaemonRunning()
    {
        if (!File.Exists(PcscdSocket) || !File.Exists(PcscdPidFile))
        {
            return false;
        }

        // pcscd writes the pid followed by a newline and a NUL byte.
        var text = File.ReadAllText(PcscdPidFile).TrimEnd('\0', '\n', '\r', ' ');
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        // A non-child process: /proc tells whether it lives (Process.HasExited is only reliable for children).
        return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
    }

    private void StartDaemon()
    {
        var start = new ProcessStartInfo("/usr/sbin/pcscd")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--foreground");
        start.ArgumentList.Add("--auto-exit");
        start.ArgumentList.Add("--info");
        try
        {
            _pcscd = Process.Start(start) ?? throw new InvalidOperationException("pcscd did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Cannot start pcscd (apt-get install -y pcscd): " + e.Message, e);
        }

        _pcscd.OutputDataReceived += (_, e) => Append(e.Data);
        _pcscd.ErrorDataReceived += (_, e) => Append(e.Data);
        _pcscd.BeginOutputReadLine();
        _pcscd.BeginErrorReadLine();
    }

    private async Task WaitForVirtualReaderAsync()
    {
        var clock = Stopwatch.StartNew();
        string last = "not tried";
        while (clock.Elapsed < StartTimeout)
        {
            if (_pcscd is { HasExited: true })
            {
                await _pcscd.WaitForExitAsync(); // flushes the redirected output into the log
                if (!IsDaemonRunning())
                {
                    throw new InvalidOperationException($"pcscd exited with code {_pcscd.ExitCode}: {PcscdLog}");
                }

                // Another test process started pcscd between our check and our start: use that one.
                _pcscd.Dispose();
                _pcscd = null;
            }

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

        throw new TimeoutException($"pcscd did not offer '{FirstVirtualReader}' within {StartTimeout} ({last}). pcscd log: {PcscdLog}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
