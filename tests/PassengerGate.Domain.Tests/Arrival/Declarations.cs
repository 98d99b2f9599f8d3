using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Tests.Arrival;

/// <summary>Test declarations: an adult with nothing to declare, adjusted per test with `with`.</summary>
internal static class Declarations
{
    public static readonly DateOnly ArrivalDay = new(2026, 11, 20);

    public static DeclarationAnswers AllNo { get; } = new()
    {
        ProhibitedOrRestricted = false,
        GoldBullionOrProducts = false,
        OverDutyFreeAllowance = false,
        CommercialGoodsOrSamples = false,
        CarriedForSomeoneElse = false,
        PaymentMeansOverThreshold = false,
        UnaccompaniedBaggage = false,
    };

    /// <summary>A traveller born <paramref name="birth"/>, arriving on <see cref="ArrivalDay"/>.</summary>
    public static ArrivalDeclaration Traveller(DateOnly birth, DeclaredGoods? goods = null) => new()
    {
        Declarant = new Declarant(DeclarantRole.Self),
        Header = new DeclarationHeader
        {
            FlightOrVessel = "NH9",
            EmbarkationPoint = "LAX",
            ArrivalDate = ArrivalDay,
            Name = "Test Traveller",
            AddressInJapan = "1-1 Chiyoda, Tokyo",
            Phone = "+81 3 0000 0000",
            Nationality = "USA",
            Occupation = "Engineer",
            DateOfBirth = birth,
            PassportNumber = "X1234567",
        },
        Answers = AllNo,
        Goods = goods ?? new DeclaredGoods(),
    };

    public static ArrivalDeclaration Adult(DeclaredGoods? goods = null) => Traveller(new DateOnly(1980, 5, 1), goods);

    public static OtherGoodsLine Yen(string description, decimal unitYen, int quantity = 1, string? kind = null) => new()
    {
        Description = description,
        Kind = kind,
        Quantity = quantity,
        UnitRetailValue = Money.Yen(unitYen),
    };
}
