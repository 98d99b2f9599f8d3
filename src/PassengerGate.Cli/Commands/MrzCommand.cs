using PassengerGate.Domain.Documents;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate mrz LINE LINE [LINE]`: reads an ICAO 9303 MRZ and prints its fields, corrections and errors as JSON.</summary>
public sealed class MrzCommand : ICliCommand
{
    public string Path => "mrz";

    public string Usage => "[--repair-ocr] LINE LINE [LINE]";

    public string Summary => "Read an ICAO 9303 MRZ (TD1, TD2, TD3, MRV-A, MRV-B): fields, check digits, errors; --repair-ocr fixes O/0, I/1, S/5, B/8, Z/2.";

    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var repair = args.Contains("--repair-ocr");
        var lines = args.Where(a => a != "--repair-ocr").ToList();
        var unknownOption = lines.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal));
        if (unknownOption is not null)
        {
            return Task.FromResult(context.Usage($"mrz: unknown option '{unknownOption}'"));
        }

        if (lines.Count is not (2 or 3))
        {
            return Task.FromResult(context.Usage($"mrz: expected 2 or 3 MRZ lines, got {lines.Count}; usage: pgate mrz {Usage}"));
        }

        var result = MrzParser.Parse(lines, context.Today, repair ? MrzReadOptions.OcrTolerant : MrzReadOptions.Strict);
        if (!result.IsReadable)
        {
            var reasons = string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
            return Task.FromResult(context.Usage($"mrz: the lines cannot be read as an MRZ: {reasons}"));
        }

        context.WriteJson(new MrzOutput(
            result.IsValid,
            result.Format,
            result.DocumentCode,
            result.IssuingState,
            result.DocumentNumber,
            result.Nationality,
            result.Surname,
            result.GivenNames,
            result.DateOfBirth,
            result.Sex,
            result.ExpiryDate,
            result.OptionalData,
            result.Corrections,
            result.Errors));
        return Task.FromResult(0);
    }

    private sealed record MrzOutput(
        bool Valid,
        string Format,
        string DocumentCode,
        string IssuingState,
        string DocumentNumber,
        string Nationality,
        string Surname,
        string GivenNames,
        DateOnly? DateOfBirth,
        string Sex,
        DateOnly? ExpiryDate,
        string OptionalData,
        IReadOnlyList<MrzCorrection> Corrections,
        IReadOnlyList<MrzError> Errors);
}
