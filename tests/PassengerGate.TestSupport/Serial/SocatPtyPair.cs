using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PassengerGate.TestSupport.Serial;

/// <summary>
/// Two connected pseudo-terminals made by <c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>:
/// bytes written to one come out of the other, through the real tty layer a serial driver uses.
/// </summary>
public sealed class SocatPtyPair : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _socat;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private SocatPtyPair(Process socat, string directory)
    {
        _socat = socat;
        _directory = directory;
        DevicePath = Path.Combine(directory, "device");
        HostPath = Path.Combine(directory, "host");
    }

    /// <summary>The end the simulated reader writes to.</summary>
    public string DevicePath { get; }

    /// <summary>The end the driver opens as its serial port.</summary>
    public string HostPath { get; }

    public static async Task<SocatPtyPair> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("pgate-pty-").FullName;
        var start = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, "device")}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, "host")}");

        Process socat;
        try
        {
            socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "socat is required for the serial tests and was not found on PATH; install it with `apt-get install -y socat`.", e);
        }

        var pair = new SocatPtyPair(socat, directory);
        socat.ErrorDataReceived += (_, e) => pair.Append(e.Data);
        socat.OutputDataReceived += (_, e) => pair.Append(e.Data);
        socat.BeginErrorReadLine();
        socat.BeginOutputReadLine();

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            // socat logs "starting data transfer loop" once both ptys exist and are linked.
            while (!(File.Exists(pair.DevicePath) && File.Exists(pair.HostPath) && pair.Log.Contains("starting data transfer loop", StringComparison.Ordinal)))
            {
                if (socat.HasExited)
                {
                    throw new InvalidOperationException($"socat exited with code {socat.ExitCode}: {pair.Log}");
                }

                await Task.Delay(50, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            pair.Dispose();
            throw new TimeoutException($"socat did not create the pty pair within {StartTimeout}: {pair.Log}");
        }
        catch
        {
            pair.Dispose();
            throw;
        }

        return pair;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
                _socat.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _socat.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // socat removes its links on exit; a leftover temp dir is harmless.
        }
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
