namespace PassengerGate.Domain.PaymentMeans;

/// <summary>A declaration with its number and its assessment, as the structuring screen takes it.</summary>
public sealed record ScreenedDeclaration(string Id, CurrencyDeclaration Declaration, CurrencyAssessment Assessment);
