namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// The form of a precious-metal item. <see cref="Other"/> is other unworked metal (nuggets, clumps, grains),
/// not jewellery or manufactured articles, which are goods for the arrival declaration.
/// </summary>
public enum MetalForm
{
    Bar,
    Coin,
    Other,
}
