using System.Globalization;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Applies a jurisdiction's rule pack to a currency declaration (docs/currency-rules.md). Pure: the rule
/// book, the customs weekly rate table and the date are arguments. Foreign amounts are converted only
/// through that table for the date; a currency without a rate is an error naming the currency and week.
/// </summary>
public static class CurrencyAssessor
{
    /// <summary>
    /// Decimal division is exact to about 28 significant digits, so a cross rate can land a hair under an
    /// exact result (9,999.9999…); rounding to 12 places first keeps the cut to the minor unit honest.
    /// </summary>
    private const int CrossRateGuardDigits = 12;

    public static CurrencyAssessmentResult Assess(CurrencyDeclaration declaration, Jurisdiction jurisdiction, CurrencyRuleBook book, CustomsRateTable rates, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(rates);
        var pack = book.Select(jurisdiction, asOf, out var packError);
        if (pack is null)
        {
            return new CurrencyAssessmentResult(null, [new CurrencyAssessmentError("rulePack.missing", "$.jurisdiction", packError!)]);
        }

        var errors = new List<CurrencyAssessmentError>();
        var reasons = new List<CurrencyReason>();
        var reporting = pack.Currency;
        var counted = new List<(string Path, InstrumentKind Kind, Money Money)>();
        var lines = new List<AssessedInstrument>();
        var metalGrams = new Dictionary<PreciousMetalRule, decimal>();

        for (var i = 0; i < declaration.Instruments.Count; i++)
        {
            var instrument = declaration.Instruments[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.instruments[{i}]");
            Money? money = null;
            if (instrument is PreciousMetalInstrument metal)
            {
                var rule = pack.PreciousMetalRules.FirstOrDefault(r => r.Covers(metal));
                if (rule is null)
                {
                    reasons.Add(new CurrencyReason("preciousMetal.notCovered", Invariant($"{path}: {CurrencyDeclarationJson.EnumName(metal.Metal)} {CurrencyDeclarationJson.EnumName(metal.Form)} of {metal.PurityPercent:0.##} % purity is not covered by the {jurisdiction} rules{CoverageText(pack, metal.Metal)}")));
                }
                else if (rule.Treatment == PreciousMetalTreatment.WeightThreshold)
                {
                    metalGrams[rule] = metalGrams.GetValueOrDefault(rule) + metal.WeightGrams;
                }
                else if (metal.Value is { } value)
                {
                    money = value;
                }
                else
                {
                    errors.Add(new CurrencyAssessmentError("value.required", path + ".value", Invariant($"{jurisdiction} counts {CurrencyDeclarationJson.EnumName(metal.Metal)} {CurrencyDeclarationJson.EnumName(metal.Form)} of {metal.PurityPercent:0.##} % purity as cash at its value ({rule.Source}): give value and currency")));
                }
            }
            else if (!pack.CountedKinds.Contains(instrument.Kind))
            {
                reasons.Add(new CurrencyReason("instrument.notCounted", $"{path}: {CurrencyDeclarationJson.EnumName(instrument.Kind)} is not counted under the {jurisdiction} rules"));
            }
            else
            {
                money = instrument switch
                {
                    CashInstrument cash => cash.Amount,
                    NegotiableInstrument negotiable => negotiable.Amount,
                    PrepaidCardInstrument card => card.Amount,
                    SecuritiesInstrument securities => ValueSecurities(securities, pack.SecuritiesValuation, path, reasons),
                    _ => null,
                };
            }

            if (money is { } m)
            {
                counted.Add((path, instrument.Kind, m));
            }
            else
            {
                lines.Add(new AssessedInstrument { Path = path, Kind = instrument.Kind });
            }
        }

        var ratesUsed = new List<ExchangeRate>();
        var total = 0m;
        foreach (var (path, kind, money) in counted)
        {
            var value = Convert(money, reporting, pack.ReportingMinorUnits, rates, asOf, path, errors, ratesUsed, out var rate);
            total += value ?? 0m;
            lines.Add(new AssessedInstrument { Path = path, Kind = kind, Counted = money, ReportingValue = value, Rate = rate });
        }

        if (errors.Count > 0)
        {
            return new CurrencyAssessmentResult(null, errors);
        }

        var threshold = pack.Threshold;
        var destination = pack.DestinationRules.FirstOrDefault(r =>
            r.Direction == declaration.Direction && r.Covers(asOf)
            && string.Equals(r.DestinationCountry, declaration.DestinationCountry, StringComparison.Ordinal));
        if (destination is not null)
        {
            threshold = destination.Threshold;
            reasons.Add(new CurrencyReason("threshold.destination", $"{CurrencyDeclarationJson.EnumName(declaration.Direction)} to {destination.DestinationCountry}: the threshold is {destination.Threshold.Describe(reporting.Value)} ({destination.Source})"));
        }

        var moneyOver = threshold.IsMetBy(total);
        reasons.Add(moneyOver
            ? new CurrencyReason("total.overThreshold", Invariant($"means of payment total {Amount(total, pack)} {reporting}: a declaration is needed at {threshold.Describe(reporting.Value)} ({pack.Source})"))
            : new CurrencyReason("total.underThreshold", Invariant($"means of payment total {Amount(total, pack)} {reporting}: not {threshold.Describe(reporting.Value)}")));

        var metalOver = false;
        var gramsCovered = 0m;
        foreach (var (rule, grams) in metalGrams)
        {
            gramsCovered += grams;
            var metOver = rule.WeightGrams!.IsMetBy(grams);
            metalOver |= metOver;
            reasons.Add(metOver
                ? new CurrencyReason("preciousMetal.overWeight", Invariant($"{CurrencyDeclarationJson.EnumName(rule.Metal)} of {rule.MinimumPurityPercent.Describe("%")} purity weighs {grams:0.###} g in total: a declaration is needed at {rule.WeightGrams.Describe("g")} ({rule.Source})"))
                : new CurrencyReason("preciousMetal.underWeight", Invariant($"{CurrencyDeclarationJson.EnumName(rule.Metal)} of {rule.MinimumPurityPercent.Describe("%")} purity weighs {grams:0.###} g in total: not {rule.WeightGrams.Describe("g")}")));
        }

        var over = moneyOver || metalOver;
        var duty = pack.DutyFor(declaration.Transport);
        if (over && duty == TransportDuty.DisclosureOnRequest)
        {
            var transportRule = pack.Transports.First(t => t.Transport == declaration.Transport);
            reasons.Add(new CurrencyReason("transport.disclosureOnRequest", $"{CurrencyDeclarationJson.EnumName(declaration.Transport)}: no declaration at the border, but the sender or recipient must disclose it when the authorities ask ({transportRule.Source})"));
        }

        return new CurrencyAssessmentResult(
            new CurrencyAssessment
            {
                Jurisdiction = jurisdiction,
                RulePackId = pack.Id,
                AsOf = asOf,
                DeclarationRequired = over && duty == TransportDuty.Declaration,
                DisclosureOnRequest = over && duty == TransportDuty.DisclosureOnRequest,
                ReportingCurrency = reporting,
                Total = total,
                Threshold = threshold,
                PreciousMetalGrams = gramsCovered,
                RatesUsed = ratesUsed,
                Instruments = [.. lines.OrderBy(l => l.Path.Length).ThenBy(l => l.Path, StringComparer.Ordinal)],
                Reasons = reasons,
            },
            []);
    }

    /// <summary>
    /// The customs week (Sunday to Saturday; Customs Answer 1406 publishes rates per such week) that contains
    /// <paramref name="date"/>, named in the missing-rate error.
    /// </summary>
    public static (DateOnly From, DateOnly To) WeekOf(DateOnly date)
    {
        var from = date.AddDays(-(int)date.DayOfWeek);
        return (from, from.AddDays(6));
    }

    private static Money ValueSecurities(SecuritiesInstrument s, SecuritiesValuation valuation, string path, List<CurrencyReason> reasons)
    {
        var given = new[] { s.MarketValue, s.BookValue, s.AcquisitionValue }.Where(v => v is not null).Select(v => v!.Value).ToList();
        var highest = given.Count == 0 ? 0m : given.Max();
        var value = valuation == SecuritiesValuation.MarketValue ? s.MarketValue ?? highest : highest;
        var text = valuation == SecuritiesValuation.HighestOfMarketBookAcquisition
            ? "the highest of market, book and acquisition value"
            : s.MarketValue is null ? "no market value given, so the highest value given" : "market value";
        reasons.Add(new CurrencyReason("securities.valued", Invariant($"{path}: securities counted at {value:0.##} {s.Currency}, {text}")));
        return new Money(value, s.Currency);
    }

    private static decimal? Convert(Money money, CurrencyCode reporting, int minorUnits, CustomsRateTable rates, DateOnly asOf, string path, List<CurrencyAssessmentError> errors, List<ExchangeRate> used, out ExchangeRate? lineRate)
    {
        lineRate = null;
        if (money.Currency == reporting)
        {
            return money.Amount;
        }

        // The table holds yen per unit, so any other pair crosses through the yen with both rates of the week.
        var yenPerUnit = YenPerUnit(money.Currency, rates, asOf, path + ".currency", errors, used, out lineRate);
        var yenPerReporting = YenPerUnit(reporting, rates, asOf, "$.jurisdiction", errors, used, out _);
        if (yenPerUnit is not { } from || yenPerReporting is not { } to)
        {
            return null;
        }

        if (reporting == CurrencyCode.Jpy)
        {
            return YenRounding.ConvertedValue(money.Amount * from);
        }

        // Cut to the minor unit, as YenRounding.ConvertedValue cuts to the yen: never over a threshold by a fraction.
        var scale = Pow10(minorUnits);
        var exact = Math.Round(money.Amount * from / to, CrossRateGuardDigits);
        return decimal.Floor(exact * scale) / scale;
    }

    private static decimal? YenPerUnit(CurrencyCode currency, CustomsRateTable rates, DateOnly asOf, string path, List<CurrencyAssessmentError> errors, List<ExchangeRate> used, out ExchangeRate? rate)
    {
        rate = null;
        if (currency == CurrencyCode.Jpy)
        {
            return 1m;
        }

        rate = rates.Find(currency, asOf);
        if (rate is null)
        {
            var (from, to) = WeekOf(asOf);
            if (!errors.Any(e => e.Code == "rate.missing" && e.Message.StartsWith($"no customs weekly rate for {currency} ", StringComparison.Ordinal)))
            {
                errors.Add(new CurrencyAssessmentError("rate.missing", path, Invariant($"no customs weekly rate for {currency} for the week {from:yyyy-MM-dd}..{to:yyyy-MM-dd} (as of {asOf:yyyy-MM-dd}); load that week's rates, never a guess")));
            }

            return null;
        }

        if (!used.Contains(rate))
        {
            used.Add(rate);
        }

        return rate.YenPerUnit;
    }

    private static decimal Pow10(int digits)
    {
        var value = 1m;
        for (var i = 0; i < digits; i++)
        {
            value *= 10m;
        }

        return value;
    }

    private static string Amount(decimal amount, CurrencyRulePack pack) =>
        amount.ToString(pack.ReportingMinorUnits == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    private static string CoverageText(CurrencyRulePack pack, Metal metal)
    {
        var rules = pack.PreciousMetalRules.Where(r => r.Metal == metal).ToList();
        return rules.Count == 0
            ? ""
            : ": covered are " + string.Join("; ", rules.Select(r => $"{string.Join("/", r.Forms.Select(f => CurrencyDeclarationJson.EnumName(f)))} of {r.MinimumPurityPercent.Describe("%")} purity"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
