using System.Globalization;

namespace PassengerGate.Domain.Currency;

/// <summary>
/// The customs weekly rates (DOMAIN.md §2 "Conversion"; domain-japan.md §2 "Weekly rate" [S25]):
/// a dated table, looked up as of a date. A currency with no rate for that date is an error.
/// </summary>
public sealed class CustomsRateTable
{
    public const string CsvHeader = "currency,validFrom,validTo,yenPerUnit,source";

    private readonly IReadOnlyList<ExchangeRate> rates;

    public CustomsRateTable(IEnumerable<ExchangeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        this.rates = [.. rates.OrderBy(r => r.Currency.Value, StringComparer.Ordinal).ThenBy(r => r.ValidFrom)];
    }

    public static CustomsRateTable Empty { get; } = new([]);

    public IReadOnlyList<ExchangeRate> Rates => rates;

    /// <summary>
    /// Reads CSV text with the header <see cref="CsvHeader"/>. Dates are ISO (yyyy-MM-dd), validTo is
    /// inclusive, the rate uses '.' as decimal point; the source is the rest of the line (it may hold commas).
    /// The table is all or nothing: any bad line or any overlap of two rates for one currency rejects it.
    /// </summary>
    public static RateTableImport FromCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<RateTableError>();
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || !string.Equals(lines[0].Trim().TrimStart('\uFEFF'), CsvHeader, StringComparison.Ordinal))
        {
            return new RateTableImport(null, [new RateTableError(1, $"the header must be '{CsvHeader}'")]);
        }

        var parsed = new List<ExchangeRate>();
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',', 5);
            if (cells.Length != 5)
            {
                errors.Add(new RateTableError(lineNumber, "expected 5 columns: " + CsvHeader));
                continue;
            }

            var ok = true;
            if (!CurrencyCode.TryParse(cells[0].Trim(), out var currency))
            {
                errors.Add(new RateTableError(lineNumber, $"currency '{cells[0]}' is not an ISO 4217 code"));
                ok = false;
            }

            if (!DateOnly.TryParseExact(cells[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                errors.Add(new RateTableError(lineNumber, $"validFrom '{cells[1]}' is not a yyyy-MM-dd date"));
                ok = false;
            }

            if (!DateOnly.TryParseExact(cells[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                errors.Add(new RateTableError(lineNumber, $"validTo '{cells[2]}' is not a yyyy-MM-dd date"));
                ok = false;
            }

            if (!decimal.TryParse(cells[3].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yenPerUnit) || yenPerUnit <= 0)
            {
                errors.Add(new RateTableError(lineNumber, $"yenPerUnit '{cells[3]}' is not a positive decimal"));
                ok = false;
            }

            var source = cells[4].Trim().Trim('"').Trim();
            if (source.Length == 0)
            {
                errors.Add(new RateTableError(lineNumber, "source is empty: every rate cites where it was published"));
                ok = false;
            }

            if (ok && to < from)
            {
                errors.Add(new RateTableError(lineNumber, "validTo is before validFrom"));
                ok = false;
            }

            if (ok)
            {
                parsed.Add(new ExchangeRate(currency, from, to, yenPerUnit, source));
            }
        }

        foreach (var group in parsed.GroupBy(r => r.Currency))
        {
            var ordered = group.OrderBy(r => r.ValidFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].ValidFrom <= ordered[i - 1].ValidTo)
                {
                    errors.Add(new RateTableError(0, $"{group.Key} rates overlap: {ordered[i - 1].ValidFrom:yyyy-MM-dd}..{ordered[i - 1].ValidTo:yyyy-MM-dd} and {ordered[i].ValidFrom:yyyy-MM-dd}..{ordered[i].ValidTo:yyyy-MM-dd}"));
                }
            }
        }

        return errors.Count == 0 ? new RateTableImport(new CustomsRateTable(parsed), []) : new RateTableImport(null, errors);
    }

    /// <summary>The rate in force for <paramref name="currency"/> on <paramref name="asOf"/>, or null.</summary>
    public ExchangeRate? Find(CurrencyCode currency, DateOnly asOf) =>
        rates.FirstOrDefault(r => r.Currency == currency && r.Covers(asOf));

    /// <summary>Converts to whole yen (<see cref="YenRounding.ConvertedValue"/>); yen itself needs no rate.</summary>
    public YenConversion ToYen(Money money, DateOnly asOf)
    {
        if (money.Currency == CurrencyCode.Jpy)
        {
            return new YenConversion { Original = money, Yen = YenRounding.ConvertedValue(money.Amount) };
        }

        var rate = Find(money.Currency, asOf);
        if (rate is null)
        {
            return new YenConversion
            {
                Original = money,
                Error = string.Create(CultureInfo.InvariantCulture, $"no customs weekly rate for {money.Currency} on {asOf:yyyy-MM-dd}"),
            };
        }

        return new YenConversion { Original = money, Rate = rate, Yen = YenRounding.ConvertedValue(money.Amount * rate.YenPerUnit) };
    }
}
