using PassengerGate.Domain.PaymentMeans;
using static PassengerGate.Domain.Tests.PaymentMeans.CurrencyDeclarations;

namespace PassengerGate.Domain.Tests.PaymentMeans;

public class StructuringScreenTests
{
    private static readonly StructuringOptions Options = new();

    private static ScreenedDeclaration Traveller(string id, string document, decimal yen, string? booking = "BOOK01", DateOnly? date = null, params PaymentInstrument[] more)
    {
        var declaration = Declaration(Jurisdiction.JP, [Cash(yen, "JPY"), .. more]) with
        {
            Bearer = new Party { Name = "TRAVELLER " + id, Nationality = "JPN", DocumentNumber = document },
            BookingReference = booking,
            DeclarationDate = date ?? Date,
        };
        return new ScreenedDeclaration(id, declaration, Assess(declaration));
    }

    [Fact]
    public void Three_travellers_on_one_booking_each_carrying_950000_yen_are_flagged_with_the_three_declarations()
    {
        // Issue 11 acceptance. ¥950,000 is under the JP threshold (over ¥1,000,000, FEFTA art. 19(3)) by ¥50,000,
        // i.e. within the default 10 % margin (¥900,000 up to ¥1,000,000).
        var flags = StructuringScreen.Screen([Traveller("D1", "TK1", 950_000m), Traveller("D2", "TK2", 950_000m), Traveller("D3", "TK3", 950_000m)], Options);
        var flag = Assert.Single(flags, f => f.Pattern == StructuringPattern.GroupNearThreshold);
        Assert.Equal("booking BOOK01", flag.Key);
        Assert.Equal(["D1", "D2", "D3"], flag.DeclarationIds);
    }

    [Fact]
    public void The_same_three_travellers_at_500000_yen_each_are_not_flagged()
    {
        // ¥500,000 is 50 % under the threshold, far outside a 10 % margin.
        var flags = StructuringScreen.Screen([Traveller("D1", "TK1", 500_000m), Traveller("D2", "TK2", 500_000m), Traveller("D3", "TK3", 500_000m)], Options);
        Assert.Empty(flags);
    }

    [Fact]
    public void The_margin_is_configurable()
    {
        // With a 60 % margin the floor is ¥400,000, so ¥500,000 each is close.
        var flags = StructuringScreen.Screen([Traveller("D1", "TK1", 500_000m), Traveller("D2", "TK2", 500_000m)], Options with { NearThresholdMarginPercent = 60m });
        Assert.Single(flags, f => f.Pattern == StructuringPattern.GroupNearThreshold);
    }

    [Fact]
    public void Travellers_already_over_the_threshold_declared_and_are_not_structuring()
    {
        var flags = StructuringScreen.Screen([Traveller("D1", "TK1", 1_000_001m), Traveller("D2", "TK2", 1_000_001m)], Options);
        Assert.Empty(flags);
    }

    [Fact]
    public void One_traveller_declaring_three_times_within_the_window_is_flagged()
    {
        // Default window 30 days, 3 declarations: 7, 15 and 31 Aug 2024 fall within 7 Aug + 29 days = 5 Sep.
        var flags = StructuringScreen.Screen(
            [Traveller("A", "TK9", 200_000m, null, new DateOnly(2024, 8, 7)), Traveller("B", "TK9", 200_000m, null, new DateOnly(2024, 8, 15)), Traveller("C", "TK9", 200_000m, null, new DateOnly(2024, 8, 31))],
            Options with { RepeatWindowDays = 30 });
        var flag = Assert.Single(flags);
        Assert.Equal(StructuringPattern.RepeatedDeclarations, flag.Pattern);
        Assert.Equal(["A", "B", "C"], flag.DeclarationIds);

        // Spread over more than 30 days (7 Aug, 15 Aug, 6 Sep): no three within one window.
        Assert.Empty(StructuringScreen.Screen(
            [Traveller("A", "TK9", 200_000m, null, new DateOnly(2024, 8, 7)), Traveller("B", "TK9", 200_000m, null, new DateOnly(2024, 8, 15)), Traveller("C", "TK9", 200_000m, null, new DateOnly(2024, 9, 6))],
            Options));
    }

    [Fact]
    public void A_total_just_under_the_threshold_split_across_currencies_is_flagged()
    {
        // ¥667,300 + USD 2,000 × ¥155.45 ([S25]) = ¥667,300 + ¥310,900 = ¥978,200: under ¥1,000,000 by 2.2 %.
        var split = Traveller("S", "TK5", 667_300m, null, null, Cash(2_000m, "USD"));
        Assert.Equal(978_200m, split.Assessment.Total);
        var flag = Assert.Single(StructuringScreen.Screen([split], Options));
        Assert.Equal(StructuringPattern.SplitAcrossCurrenciesOrInstruments, flag.Pattern);
        Assert.Equal(["S"], flag.DeclarationIds);

        // The same total in yen alone is not split.
        Assert.Empty(StructuringScreen.Screen([Traveller("Y", "TK6", 978_200m, null)], Options));
    }
}
