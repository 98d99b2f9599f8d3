using PassengerGate.Domain.Documents;
using PassengerGate.Icao.Bac;
using PassengerGate.Icao.Crypto;

namespace PassengerGate.Cli.Commands;

/// <summary>Prints the BAC document keys for an MRZ_information string (Doc 9303-11 §9.7.2), for debugging a chip that will not open.</summary>
public sealed class IcaoBacKeysCommand : ICliCommand
{
    public string Path => "icao bac-keys";

    public string Usage => "MRZINFO";

    public string Summary => "BAC Kseed/Kenc/Kmac for MRZ_information (document number, birth date, expiry date, each with its check digit)";

    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count != 1)
        {
            return Task.FromResult(context.Usage($"usage: pgate {Path} {Usage}"));
        }

        var mrzInformation = args[0];
        if (!MrzInformation.IsValid(mrzInformation))
        {
            return Task.FromResult(context.Usage(
                "MRZINFO must be at least 24 characters of A-Z, 0-9 and '<': document number + check digit, YYMMDD + check digit, YYMMDD + check digit, with correct check digits"));
        }

        var keys = BacKeys.Derive(mrzInformation);
        context.WriteJson(new { kseed = Hex.Encode(keys.Kseed), kenc = Hex.Encode(keys.Kenc), kmac = Hex.Encode(keys.Kmac) });
        return Task.FromResult(0);
    }
}
