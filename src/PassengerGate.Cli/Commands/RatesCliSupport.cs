using System.Globalization;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Cli.Commands;

/// <summary>Reads a customs weekly rate CSV (<see cref="CustomsRateTable.CsvHeader"/>) for the assess commands.</summary>
internal static class RatesCliSupport
{
    /// <summary>The table, or null after printing why (file missing, or each bad line with its number).</summary>
    public static async Task<CustomsRateTable?> LoadAsync(string ratesFile, CliContext context)
    {
        if (!File.Exists(ratesFile))
        {
            context.Error.WriteLine($"pgate: rates file not found: {ratesFile}");
            return null;
        }

        var import = CustomsRateTable.FromCsv(await File.ReadAllTextAsync(ratesFile));
        if (import.Table is null)
        {
            foreach (var error in import.Errors)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgate: {ratesFile}:{error.Line}: {error.Message}"));
            }

            context.Error.WriteLine($"pgate: {ratesFile} is not a valid rate table");
            return null;
        }

        return import.Table;
    }
}
