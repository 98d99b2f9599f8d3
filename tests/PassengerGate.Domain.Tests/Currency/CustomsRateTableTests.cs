using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Tests.Currency;

public class CustomsRateTableTests
{
    // domain-japan.md §2 "Weekly rate" [S25]: for 4–10 Aug 2024, USD 1 = ¥155.45.
    private const string Csv = """
        currency,validFrom,validTo,yenPerUnit,source
        USD,2024-08-04,2024-08-10,155.45,"Customs Answer 1406 via 123deta.com [S25], week of 4-10 Aug 2024"
        USD,2024-08-11,2024-08-17,150.00,test week (made-up rate for the lookup boundary)
        EUR,2024-08-04,2024-08-10,160.00,test week (made-up)
        """;

    private static CustomsRateTable Table()
    {
        var import = CustomsRateTable.FromCsv(Csv);
        Assert.Empty(import.Errors);
        return import.Table!;
    }

    [Fact]
    public void A_usd_amount_converts_at_the_weekly_rate_in_force_on_the_date()
    {
        // 100 × 155.45 = 15,545 yen [S25 rate].
        var conversion = Table().ToYen(new Money(100m, CurrencyCode.Parse("USD")), new DateOnly(2024, 8, 7));
        Assert.Equal(15_545m, conversion.Yen);
        Assert.Equal(155.45m, conversion.Rate!.YenPerUnit);
    }

    [Fact]
    public void The_rate_changes_on_the_first_day_of_the_next_week_and_validTo_is_inclusive()
    {
        var usd = CurrencyCode.Parse("USD");
        Assert.Equal(155.45m, Table().Find(usd, new DateOnly(2024, 8, 10))!.YenPerUnit);
        Assert.Equal(150.00m, Table().Find(usd, new DateOnly(2024, 8, 11))!.YenPerUnit);
    }

    [Fact]
    public void A_converted_value_is_cut_to_whole_yen()
    {
        // 10.01 × 155.45 = 1,556.0545 → 1,556 (YenRounding.ConvertedValue cuts the fraction).
        var conversion = Table().ToYen(new Money(10.01m, CurrencyCode.Parse("USD")), new DateOnly(2024, 8, 7));
        Assert.Equal(1_556m, conversion.Yen);
    }

    [Fact]
    public void A_missing_exchange_rate_is_an_error_not_a_guess()
    {
        // DOMAIN.md §2: never a live rate; the week of 2024-08-20 is not in the table.
        var conversion = Table().ToYen(new Money(100m, CurrencyCode.Parse("USD")), new DateOnly(2024, 8, 20));
        Assert.False(conversion.Succeeded);
        Assert.Null(conversion.Yen);
        Assert.Contains("no customs weekly rate for USD on 2024-08-20", conversion.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_currency_absent_from_the_table_is_an_error()
    {
        var conversion = Table().ToYen(new Money(5m, CurrencyCode.Parse("GBP")), new DateOnly(2024, 8, 7));
        Assert.False(conversion.Succeeded);
    }

    [Fact]
    public void Yen_needs_no_rate()
    {
        var conversion = CustomsRateTable.Empty.ToYen(Money.Yen(12_345m), new DateOnly(2024, 8, 7));
        Assert.Equal(12_345m, conversion.Yen);
        Assert.Null(conversion.Rate);
    }

    [Fact]
    public void A_wrong_header_is_rejected()
    {
        var import = CustomsRateTable.FromCsv("ccy,from,to,rate,source\nUSD,2024-08-04,2024-08-10,155.45,x");
        Assert.False(import.Succeeded);
        Assert.Equal(1, import.Errors[0].Line);
    }

    [Fact]
    public void Bad_lines_are_reported_by_line_number_and_nothing_is_imported()
    {
        var import = CustomsRateTable.FromCsv("""
            currency,validFrom,validTo,yenPerUnit,source
            USD,2024-08-04,2024-08-10,155.45,ok
            usd,2024-08-04,2024-08-10,155.45,lower case
            EUR,2024-13-01,2024-08-10,1,bad month
            EUR,2024-08-04,2024-08-10,-1,negative
            EUR,2024-08-10,2024-08-04,1,reversed
            EUR,2024-08-04,2024-08-10,1,
            """);
        Assert.Null(import.Table);
        Assert.Equal([3, 4, 5, 6, 7], import.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Two_rates_for_one_currency_on_the_same_day_are_rejected()
    {
        var import = CustomsRateTable.FromCsv("""
            currency,validFrom,validTo,yenPerUnit,source
            USD,2024-08-04,2024-08-10,155.45,a
            USD,2024-08-10,2024-08-17,150,b
            """);
        Assert.False(import.Succeeded);
        Assert.Contains("overlap", import.Errors[0].Message, StringComparison.Ordinal);
    }
}
