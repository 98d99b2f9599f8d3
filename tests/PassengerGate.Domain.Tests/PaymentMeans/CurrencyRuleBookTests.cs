using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Domain.Tests.PaymentMeans;

public class CurrencyRuleBookTests
{
    [Theory]
    // DOMAIN.md §2 "Other jurisdictions" and the laws cited in docs/currency-rules.md.
    [InlineData(Jurisdiction.JP, "JPY", 1_000_000, ComparisonOperator.GreaterThan)]
    [InlineData(Jurisdiction.EU, "EUR", 10_000, ComparisonOperator.GreaterThanOrEqual)]
    [InlineData(Jurisdiction.US, "USD", 10_000, ComparisonOperator.GreaterThan)]
    [InlineData(Jurisdiction.AU, "AUD", 10_000, ComparisonOperator.GreaterThanOrEqual)]
    [InlineData(Jurisdiction.NZ, "NZD", 10_000, ComparisonOperator.GreaterThanOrEqual)]
    [InlineData(Jurisdiction.SG, "SGD", 20_000, ComparisonOperator.GreaterThan)]
    public void Every_jurisdiction_has_a_sourced_pack_in_force_with_its_threshold_and_operator(Jurisdiction jurisdiction, string currency, int threshold, ComparisonOperator op)
    {
        var pack = CurrencyRuleBook.Default.Select(jurisdiction, new DateOnly(2026, 11, 30), out var error);
        Assert.Null(error);
        Assert.NotNull(pack);
        Assert.Equal(currency, pack.ReportingCurrency);
        Assert.Equal(new Threshold(threshold, op), pack.Threshold);
        Assert.False(string.IsNullOrWhiteSpace(pack.Source));
        Assert.Equal(3, pack.Transports.Count);
    }

    [Fact]
    public void Every_pack_stays_within_the_FATF_maximum_of_15000()
    {
        // FATF R.32 interpretive note: the threshold may not exceed USD/EUR 15,000. The yen pack is checked at the
        // published USD rate of 4-10 Aug 2024 (¥155.45, domain-japan.md §2): ¥1,000,000 ≈ USD 6,430.
        var jp = CurrencyRuleBook.Default.Select(Jurisdiction.JP, new DateOnly(2024, 8, 7), out _)!;
        Assert.True(jp.Threshold.Value / 155.45m < 15_000m);
        foreach (var pack in CurrencyRuleBook.Default.Packs.Where(p => p.ReportingCurrency is "EUR" or "USD"))
        {
            Assert.True(pack.Threshold.Value <= 15_000m, pack.Id);
        }
    }

    [Fact]
    public void The_EU_pack_applies_from_3_June_2021_and_not_before()
    {
        // Regulation (EU) 2018/1672 art. 21: applies from 3 June 2021.
        Assert.NotNull(CurrencyRuleBook.Default.Select(Jurisdiction.EU, new DateOnly(2021, 6, 3), out _));
        Assert.Null(CurrencyRuleBook.Default.Select(Jurisdiction.EU, new DateOnly(2021, 6, 2), out var error));
        Assert.Contains("no EU currency rule pack in force on 2021-06-02", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_packs_of_one_jurisdiction_in_force_on_the_same_day_are_refused()
    {
        const string pack = """{ "id": "ID", "jurisdiction": "US", "source": "test", "reportingCurrency": "USD", "reportingMinorUnits": 2, "threshold": { "value": 10000, "operator": "greaterThan" }, "countedKinds": [ "cash" ], "transports": [] }""";
        var json = "{ \"packs\": [ " + pack.Replace("ID", "a", StringComparison.Ordinal) + ", " + pack.Replace("ID", "b", StringComparison.Ordinal) + " ] }";
        var ex = Assert.Throws<FormatException>(() => CurrencyRuleBook.FromJson(json));
        Assert.Contains("'a' and 'b' are both in force", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_operator_in_a_pack_is_refused()
    {
        const string json = """{ "packs": [ { "id": "x", "jurisdiction": "US", "source": "test", "reportingCurrency": "USD", "reportingMinorUnits": 2, "threshold": { "value": 10000, "operator": "about" }, "countedKinds": [ "cash" ], "transports": [] } ] }""";
        Assert.Throws<FormatException>(() => CurrencyRuleBook.FromJson(json));
    }
}
