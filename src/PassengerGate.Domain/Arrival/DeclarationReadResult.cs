namespace PassengerGate.Domain.Arrival;

/// <summary>The declaration when it is valid; otherwise every error found, each with its field path.</summary>
public sealed record DeclarationReadResult(ArrivalDeclaration? Declaration, IReadOnlyList<DeclarationError> Errors)
{
    public bool IsValid => Declaration is not null && Errors.Count == 0;
}
