using System.Diagnostics;
using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.SmartCards;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate chip read`: reads an e-passport through a PC/SC reader with the same chip code the kiosk
/// runs (BAC or PACE, secure messaging), then verifies it with passive authentication against a
/// CSCA trust folder.
/// </summary>
public sealed class ChipReadCommand : ICliCommand
{
    public string Path => "chip read";

    public string Usage => "--reader NAME (--mrz-info MRZINFO | --can CAN) [--trust DIR] [--timeout SECONDS]";

    public string Summary => "Read an e-passport chip through PC/SC and verify it (passive and active authentication).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--reader", "--mrz-info", "--can", "--trust", "--timeout"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "chip read takes no positional arguments");
        }

        var readerName = parsed.Option("--reader");
        var mrzInfo = parsed.Option("--mrz-info");
        var can = parsed.Option("--can");
        if (readerName is null || (mrzInfo is null) == (can is null))
        {
            return context.Usage("give --reader and exactly one of --mrz-info or --can");
        }

        var timeout = TimeSpan.FromSeconds(int.TryParse(parsed.Option("--timeout") ?? "10", System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 10);
        ChipAccessKey key;
        try
        {
            key = mrzInfo is not null ? ChipAccessKey.FromMrzInformation(mrzInfo) : ChipAccessKey.FromCan(can!);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return context.Usage(ex.Message);
        }

        var trust = parsed.Option("--trust");
        if (trust is not null && !Directory.Exists(trust))
        {
            return context.Usage($"trust folder '{trust}' does not exist");
        }

        var clock = Stopwatch.StartNew();
        ChipReadResult read;
        try
        {
            using var service = new PcscReaderService();
            var reader = await service.WaitForCardAsync(readerName, timeout, CancellationToken.None);
            using var connection = service.Connect(reader);
            read = await new ChipReader(connection).ReadAsync(key, CancellationToken.None);
        }
        catch (SmartCardException ex)
        {
            return context.Usage($"no card could be read on '{readerName}': {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return context.Usage($"chip access failed: {ex.Message}");
        }

        var dg1 = read.DataGroups.TryGetValue(1, out var dg1Bytes) ? Dg1.ReadMrz(dg1Bytes) : null;
        var pa = PassiveAuthenticator.Verify(
            new PassiveAuthenticationRequest(read.Sod, read.DataGroups, null, context.Clock.GetUtcNow()),
            trust is null ? CscaTrustList.Empty : CscaTrustList.LoadFolder(trust));
        context.WriteJson(new
        {
            protocol = read.Protocol.ToString().ToUpperInvariant(),
            dg1,
            dataGroups = read.DataGroups.Keys.Order().ToArray(),
            passiveAuthentication = new { valid = pa.IsValid, reason = pa.Code },
            activeAuthentication = new
            {
                valid = read.ActiveAuthentication switch { ActiveAuthenticationOutcome.Valid => true, ActiveAuthenticationOutcome.Invalid => false, _ => (bool?)null },
                // Due when the signed EF.SOD lists DG15, whatever EF.COM says; a due AA without a signature is a clone sign.
                required = DocumentSecurityObject.Parse(read.Sod).SecurityObject.DataGroupHashes.ContainsKey(15),
                challenge = read.ActiveAuthenticationExchange.Signature is null ? null : Convert.ToHexString(read.ActiveAuthenticationExchange.Challenge),
                signature = read.ActiveAuthenticationExchange.Signature is { } aaSignature ? Convert.ToHexString(aaSignature) : null,
            },
            apdus = read.ApduCount,
            ms = clock.ElapsedMilliseconds,
        });
        return 0;
    }
}
