using System.Globalization;
using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.SmartCards;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate chip readers`: the readers pcscd offers. With --wait it polls until the named reader is listed, so
/// deploy/test.sh can tell when the pcscd it started has loaded the vpcd virtual reader (pcscd creates its
/// socket before its drivers have opened their readers).
/// </summary>
public sealed class ChipReadersCommand : ICliCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public string Path => "chip readers";

    public string Usage => "[--wait READER] [--timeout SECONDS]";

    public string Summary => "List the PC/SC readers; --wait READER waits until that reader is listed.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--wait", "--timeout"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "chip readers takes no positional arguments");
        }

        var wanted = parsed.Option("--wait");
        var seconds = 30;
        if (parsed.Option("--timeout") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds <= 0))
        {
            return context.Usage("--timeout takes a positive number of seconds");
        }

        var started = context.Clock.GetTimestamp();
        var last = "not tried";
        while (true)
        {
            try
            {
                using var service = new PcscReaderService();
                var readers = service.ListReaders();
                if (wanted is null || readers.Contains(wanted, StringComparer.Ordinal))
                {
                    context.WriteJson(new { readers });
                    return 0;
                }

                last = "readers: " + (readers.Count == 0 ? "none" : string.Join(", ", readers));
            }
            catch (SmartCardException ex) when (ex.Error == SmartCardError.ServiceUnavailable)
            {
                last = ex.Message;
                if (wanted is null)
                {
                    return context.Fail($"pcscd is not running: {ex.Message}");
                }
            }

            if (context.Clock.GetElapsedTime(started) >= TimeSpan.FromSeconds(seconds))
            {
                return context.Fail($"'{wanted}' was not listed within {seconds} s ({last})");
            }

            await Task.Delay(Poll, context.Clock);
        }
    }
}
