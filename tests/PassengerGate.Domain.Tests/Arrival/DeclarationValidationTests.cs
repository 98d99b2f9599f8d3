using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Tests.Arrival;

/// <summary>
/// The rules of docs/decisions/0017: nationality codes from ICAO Doc 9303 Part 3 §5 (the ISO 3166-1 alpha-3 list plus
/// ICAO's additions), a weekly rate for every foreign currency (DOMAIN.md §2: never a live rate), no birth in the
/// future, an arrival date inside the window. "Today" is <see cref="Declarations.ArrivalDay"/> (2026-11-20).
/// </summary>
public class DeclarationValidationTests
{
    private static readonly DateOnly Today = Declarations.ArrivalDay;

    // A rate for USD in the week that contains 2026-11-20 (Sunday 15 to Saturday 21 November); EUR only the week before.
    private static readonly CustomsRateTable Rates = new([
        new ExchangeRate(CurrencyCode.Parse("USD"), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 21), 150m, "test"),
        new ExchangeRate(CurrencyCode.Parse("EUR"), new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 14), 160m, "test"),
    ]);

    private static readonly ArrivalDateWindow PhoneWindow = new(0, 3);

    private static ArrivalDeclaration WithNationality(string code) =>
        Declarations.Adult() with { Header = Declarations.Adult().Header with { Nationality = code } };

    private static IReadOnlyList<DeclarationViolation> Check(ArrivalDeclaration declaration, ArrivalDateWindow? window = null, IReadOnlyCollection<string>? specimen = null) =>
        DeclarationValidation.Check(declaration, Rates, Today, window ?? PhoneWindow, specimen);

    [Theory]
    // Doc 9303 Part 3 §5: D for Germany; GBD/GBN/GBO/GBP/GBS the British nationality classes; UNO/UNA/UNK the
    // United Nations, its agencies and UNMIK (Kosovo); XXA stateless, XXB/XXC refugees, XXX unspecified; EUE the
    // European Union; XPO Interpol; XOM the Order of Malta. JPN, USA, KOR, TWN, HKG, MAC: ISO 3166-1 alpha-3.
    [InlineData("D")]
    [InlineData("D<<")]
    [InlineData("GBD")]
    [InlineData("GBN")]
    [InlineData("GBO")]
    [InlineData("GBP")]
    [InlineData("GBS")]
    [InlineData("UNO")]
    [InlineData("UNA")]
    [InlineData("UNK")]
    [InlineData("XXA")]
    [InlineData("XXB")]
    [InlineData("XXC")]
    [InlineData("XXX")]
    [InlineData("EUE")]
    [InlineData("RKS")]
    [InlineData("XPO")]
    [InlineData("XOM")]
    [InlineData("JPN")]
    [InlineData("USA")]
    [InlineData("KOR")]
    [InlineData("TWN")]
    [InlineData("HKG")]
    [InlineData("MAC")]
    public void An_ICAO_nationality_code_is_accepted(string code) =>
        Assert.Empty(Check(WithNationality(code)));

    [Theory]
    // DE and GER are not Doc 9303 codes for Germany (it is D); ZZZ and QQQ are unassigned; UTO is ICAO's fictitious
    // specimen state (Doc 9303 examples), not a real nationality; JP is ISO alpha-2, not alpha-3.
    [InlineData("DE")]
    [InlineData("GER")]
    [InlineData("ZZZ")]
    [InlineData("QQQ")]
    [InlineData("UTO")]
    [InlineData("JP")]
    public void A_code_that_is_not_ICAO_is_refused_at_the_nationality_field(string code)
    {
        var violation = Assert.Single(Check(WithNationality(code)));

        Assert.Equal("$.header.nationality", violation.Path);
        Assert.Equal(DeclarationRule.NationalityNotIcao, violation.Rule);
    }

    [Fact]
    public void A_specimen_state_is_accepted_only_where_the_operator_allows_it() =>
        Assert.Empty(Check(WithNationality("UTO"), specimen: ["UTO"]));

    [Fact]
    public void A_currency_with_a_rate_this_week_and_yen_are_accepted()
    {
        var goods = new DeclaredGoods
        {
            OtherGoods = [Declarations.Yen("bag", 1000) with { UnitRetailValue = new Money(100, CurrencyCode.Parse("USD")) }, Declarations.Yen("tea", 5000)],
        };

        Assert.Empty(Check(Declarations.Adult(goods)));
    }

    [Fact]
    public void A_currency_whose_rate_was_only_last_week_is_refused_at_its_line()
    {
        var goods = new DeclaredGoods
        {
            OtherGoods = [Declarations.Yen("tea", 5000), Declarations.Yen("watch", 1) with { UnitRetailValue = new Money(900, CurrencyCode.Parse("EUR")) }],
        };

        var violation = Assert.Single(Check(Declarations.Adult(goods)));

        Assert.Equal("$.goods.otherGoods[1].currency", violation.Path);
        Assert.Equal(DeclarationRule.CurrencyWithoutRate, violation.Rule);
    }

    [Fact]
    public void A_birth_date_of_today_is_accepted_and_tomorrow_is_refused()
    {
        Assert.Empty(Check(Declarations.Traveller(Today)));

        var violation = Assert.Single(Check(Declarations.Traveller(Today.AddDays(1))));
        Assert.Equal("$.header.dateOfBirth", violation.Path);
        Assert.Equal(DeclarationRule.BirthDateInFuture, violation.Rule);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(30, false)]
    public void The_arrival_date_must_be_inside_the_window(int daysFromToday, bool accepted)
    {
        var declaration = Declarations.Adult() with { Header = Declarations.Adult().Header with { ArrivalDate = Today.AddDays(daysFromToday) } };

        var violations = Check(declaration);

        if (accepted)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.Equal(DeclarationRule.ArrivalDateOutOfWindow, Assert.Single(violations).Rule);
        }
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var declaration = Declarations.Traveller(Today.AddDays(2)) with
        {
            Header = Declarations.Traveller(Today.AddDays(2)).Header with { Nationality = "GER", ArrivalDate = Today.AddDays(10) },
        };

        Assert.Equal(
            [DeclarationRule.NationalityNotIcao, DeclarationRule.BirthDateInFuture, DeclarationRule.ArrivalDateOutOfWindow],
            Check(declaration).Select(v => v.Rule));
    }
}
