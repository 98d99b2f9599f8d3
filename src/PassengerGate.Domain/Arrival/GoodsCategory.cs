namespace PassengerGate.Domain.Arrival;

public enum GoodsCategory
{
    Alcohol,
    Cigarettes,
    Cigars,
    HeatedTobacco,
    OtherTobacco,
    Perfume,
    OtherGoods,
}
