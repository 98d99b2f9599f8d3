using PassengerGate.Domain.Currency;
using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Domain.Tests.PaymentMeans;

/// <summary>Builders for currency declarations and the rate table the tests use.</summary>
internal static class CurrencyDeclarations
{
    /// <summary>A Wednesday inside the customs week 4–10 Aug 2024 of <see cref="Rates"/>.</summary>
    public static readonly DateOnly Date = new(2024, 8, 7);

    // USD: the published rate for 4–10 Aug 2024, USD 1 = ¥155.45 (Customs Answer 1406, domain-japan.md §2 [S25]).
    // The others are made-up test rates for the same week, chosen so hand arithmetic stays exact.
    public const string RatesCsv = """
        currency,validFrom,validTo,yenPerUnit,source
        USD,2024-08-04,2024-08-10,155.45,"Customs Answer 1406, week of 4-10 Aug 2024"
        EUR,2024-08-04,2024-08-10,160.00,test rate (made-up)
        AUD,2024-08-04,2024-08-10,100.00,test rate (made-up)
        NZD,2024-08-04,2024-08-10,90.00,test rate (made-up)
        SGD,2024-08-04,2024-08-10,115.00,test rate (made-up)
        """;

    public static CustomsRateTable Rates()
    {
        var import = CustomsRateTable.FromCsv(RatesCsv);
        Assert.Empty(import.Errors);
        return import.Table!;
    }

    public static Money M(decimal amount, string currency) => new(amount, CurrencyCode.Parse(currency));

    public static CashInstrument Cash(decimal amount, string currency) => new(M(amount, currency));

    public static CurrencyDeclaration Declaration(Jurisdiction jurisdiction, params PaymentInstrument[] instruments) => new()
    {
        Jurisdiction = jurisdiction,
        Direction = CarryDirection.Departure,
        DeclarationDate = Date,
        Bearer = new Party { Name = "TEST TRAVELLER", Nationality = "JPN", DocumentNumber = "TK0000001" },
        DestinationCountry = "KOR",
        Instruments = instruments,
    };

    public static CurrencyAssessment Assess(CurrencyDeclaration declaration, Jurisdiction? jurisdiction = null)
    {
        var result = CurrencyAssessor.Assess(declaration, jurisdiction ?? declaration.Jurisdiction, CurrencyRuleBook.Default, Rates(), declaration.DeclarationDate);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Assessment!;
    }
}
