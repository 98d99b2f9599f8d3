using System.Globalization;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// Assesses one currency declaration file (docs/currency-declaration-schema.md) against a jurisdiction's rule
/// pack (docs/currency-rules.md): is a declaration required, the total in the reporting currency, the threshold
/// and the weekly rates used. An invalid file, an unknown jurisdiction or a missing rate exits 2.
/// </summary>
public sealed class CurrencyAssessCommand : ICliCommand
{
    public string Path => "currency assess";

    public string Usage => "FILE.json [--jurisdiction JP|EU|US|AU|NZ|SG] [--as-of YYYY-MM-DD] [--rates FILE.csv]";

    public string Summary => "Assess a currency declaration (docs/currency-declaration-schema.md) under a rule pack: declarationRequired, total, threshold, rates used. --jurisdiction overrides the file's; --as-of defaults to the declaration date; --rates is a customs weekly rate CSV.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        string? file = null;
        string? jurisdictionText = null;
        string? asOfText = null;
        string? ratesFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--jurisdiction" when i + 1 < args.Count:
                    jurisdictionText = args[++i];
                    break;
                case "--as-of" when i + 1 < args.Count:
                    asOfText = args[++i];
                    break;
                case "--rates" when i + 1 < args.Count:
                    ratesFile = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return context.Usage($"currency assess: unknown or incomplete option '{option}'");
                case var positional when file is null:
                    file = positional;
                    break;
                default:
                    return context.Usage($"currency assess: unexpected argument '{args[i]}'");
            }
        }

        if (file is null)
        {
            return context.Usage($"currency assess: missing FILE.json; usage: pgate {Path} {Usage}");
        }

        Jurisdiction? jurisdictionOverride = null;
        if (jurisdictionText is not null)
        {
            if (!Enum.TryParse<Jurisdiction>(jurisdictionText, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || !jurisdictionText.All(char.IsAsciiLetterUpper))
            {
                return context.Usage($"currency assess: unknown jurisdiction '{jurisdictionText}'; known: {string.Join(", ", Enum.GetNames<Jurisdiction>())}");
            }

            jurisdictionOverride = parsed;
        }

        if (!File.Exists(file))
        {
            return context.Usage($"currency assess: file not found: {file}");
        }

        var read = CurrencyDeclarationJson.Read(await File.ReadAllTextAsync(file));
        if (!read.IsValid)
        {
            foreach (var error in read.Errors)
            {
                context.Error.WriteLine($"pgate: {file}: {error.Path}: {error.Message}");
            }

            return context.Usage($"currency assess: {file} is not a valid currency declaration ({read.Errors.Count} error(s); first at {read.Errors[0].Path})");
        }

        var declaration = read.Declaration!;
        var asOf = declaration.DeclarationDate;
        if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return context.Usage($"currency assess: --as-of '{asOfText}' is not a yyyy-MM-dd date");
        }

        var rates = CustomsRateTable.Empty;
        if (ratesFile is not null)
        {
            if (await RatesCliSupport.LoadAsync(ratesFile, context) is not { } table)
            {
                return context.Usage($"currency assess: cannot use the rates file {ratesFile}");
            }

            rates = table;
        }

        var jurisdiction = jurisdictionOverride ?? declaration.Jurisdiction;
        var result = CurrencyAssessor.Assess(declaration, jurisdiction, CurrencyRuleBook.Default, rates, asOf);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                context.Error.WriteLine($"pgate: {file}: {error.Path}: {error.Message}");
            }

            return context.Usage($"currency assess: cannot assess {file}: {result.Errors[0].Message}");
        }

        var a = result.Assessment!;
        context.WriteJson(new
        {
            declarationRequired = a.DeclarationRequired,
            disclosureOnRequest = a.DisclosureOnRequest,
            jurisdiction = a.Jurisdiction.ToString(),
            rulePack = a.RulePackId,
            asOf = Date(a.AsOf),
            direction = CurrencyDeclarationJson.EnumName(declaration.Direction),
            totalInReportingCurrency = a.Total,
            reportingCurrency = a.ReportingCurrency.Value,
            threshold = a.Threshold.Value,
            thresholdOperator = CurrencyDeclarationJson.EnumName(a.Threshold.Operator),
            preciousMetalGrams = a.PreciousMetalGrams,
            ratesUsed = a.RatesUsed.Select(r => new { currency = r.Currency.Value, yenPerUnit = r.YenPerUnit, validFrom = Date(r.ValidFrom), validTo = Date(r.ValidTo), source = r.Source }),
            instruments = a.Instruments.Select(i => new
            {
                path = i.Path,
                kind = CurrencyDeclarationJson.EnumName(i.Kind),
                counted = i.Counted is { } m ? new { amount = m.Amount, currency = m.Currency.Value } : null,
                valueInReportingCurrency = i.ReportingValue,
            }),
            reasons = a.Reasons.Select(r => new { code = r.Code, text = r.Text }),
        });
        return 0;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
