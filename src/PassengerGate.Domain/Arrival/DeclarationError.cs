namespace PassengerGate.Domain.Arrival;

/// <summary>One problem in a declaration, at a JSON path such as "$.goods.otherGoods[2].quantity".</summary>
public sealed record DeclarationError(string Path, string Message);
