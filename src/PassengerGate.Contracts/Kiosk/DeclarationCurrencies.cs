namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// The currencies a traveller may price goods in at the kiosk: yen and every currency with a customs weekly rate on
/// <see cref="AsOf"/> (today at the airport). The service refuses any other (decision 0017), so the picker offers no other.
/// </summary>
public sealed record DeclarationCurrencies(DateOnly AsOf, IReadOnlyList<string> Currencies);
