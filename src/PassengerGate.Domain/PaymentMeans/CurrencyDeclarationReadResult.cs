using PassengerGate.Domain.Arrival;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>The declaration when it is valid; otherwise every error found, each with its field path.</summary>
public sealed record CurrencyDeclarationReadResult(CurrencyDeclaration? Declaration, IReadOnlyList<DeclarationError> Errors)
{
    public bool IsValid => Declaration is not null && Errors.Count == 0;
}
