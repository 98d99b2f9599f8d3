using System.Globalization;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// Assesses one arrival declaration file on its own: allowances, simplified duty and the declaration's
/// part of the lane decision. Document and face checks are not performed here, so the output says
/// "scope": "declaration".
/// </summary>
public sealed class ArrivalAssessCommand : ICliCommand
{
    public string Path => "arrival assess";

    public string Usage => "FILE.json [--as-of YYYY-MM-DD] [--rates FILE.csv]";

    public string Summary => "Assess a C5360 declaration (docs/arrival-declaration-schema.md): lane, reasons, duty per line in yen. --as-of defaults to the arrival date; --rates is a customs weekly rate CSV.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        string? file = null;
        string? asOfText = null;
        string? ratesFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--as-of" when i + 1 < args.Count:
                    asOfText = args[++i];
                    break;
                case "--rates" when i + 1 < args.Count:
                    ratesFile = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return context.Usage($"arrival assess: unknown or incomplete option '{option}'");
                case var positional when file is null:
                    file = positional;
                    break;
                default:
                    return context.Usage($"arrival assess: unexpected argument '{args[i]}'");
            }
        }

        if (file is null)
        {
            return context.Usage($"arrival assess: missing FILE.json; usage: pgate {Path} {Usage}");
        }

        if (!File.Exists(file))
        {
            return context.Usage($"arrival assess: file not found: {file}");
        }

        var read = DeclarationJson.Read(await File.ReadAllTextAsync(file));
        if (!read.IsValid)
        {
            foreach (var error in read.Errors)
            {
                context.Error.WriteLine($"pgate: {file}: {error.Path}: {error.Message}");
            }

            return context.Usage($"arrival assess: {file} is not a valid declaration ({read.Errors.Count} error(s))");
        }

        var declaration = read.Declaration!;
        var asOf = declaration.Header.ArrivalDate;
        if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return context.Usage($"arrival assess: --as-of '{asOfText}' is not a yyyy-MM-dd date");
        }

        var rates = CustomsRateTable.Empty;
        if (ratesFile is not null)
        {
            if (await RatesCliSupport.LoadAsync(ratesFile, context) is not { } table)
            {
                return context.Usage($"arrival assess: cannot use the rates file {ratesFile}");
            }

            rates = table;
        }

        var assessment = ArrivalAssessor.Assess(declaration, ArrivalRuleBook.Japan, rates, asOf);
        var decision = LaneDecision.ForDeclaration(assessment);
        context.WriteJson(new
        {
            scope = DeclarationJson.EnumName(decision.Scope),
            note = "declaration-only assessment: document, face, liveness and risk checks were not performed, so a green lane here only means the declaration raises nothing",
            lane = DeclarationJson.EnumName(decision.Lane),
            asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ageOnArrival = assessment.AgeOnArrival,
            reasons = decision.Reasons.Select(r => new { code = r.Code, text = r.Text, path = r.Path }),
            lines = assessment.Lines.Select(l => new
            {
                path = l.Path,
                category = DeclarationJson.EnumName(l.Category),
                description = l.Description,
                unit = l.Unit,
                quantity = l.Quantity,
                freeQuantity = l.FreeQuantity,
                dutiableQuantity = l.DutiableQuantity,
                overseasValueYen = l.OverseasValueYen,
                exchangeRate = l.ExchangeRate is { } x
                    ? new { currency = x.Currency.Value, yenPerUnit = x.YenPerUnit, validFrom = x.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), validTo = x.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), source = x.Source }
                    : null,
                allowanceUsedYen = l.AllowanceUsedYen,
                dutiableValueYen = l.DutiableValueYen,
                customsValueYen = l.CustomsValueYen,
                rateApplied = l.RateApplied,
                dutyYen = l.Duty.Amount,
                outcome = DeclarationJson.EnumName(l.Outcome),
                reason = l.Reason,
            }),
            totalDutyYen = assessment.TotalDuty.Amount,
            otherGoodsAllowanceUsedYen = assessment.OtherGoodsAllowanceUsedYen,
            overAllowance = assessment.OverAllowance,
            incomplete = assessment.Incomplete,
            rulesApplied = assessment.RulesApplied,
        });
        return 0;
    }
}
