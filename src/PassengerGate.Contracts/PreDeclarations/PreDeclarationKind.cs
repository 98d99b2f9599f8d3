namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>
/// Which declaration a pre-declaration QR carries (decision 0026). An arrival code carries the JSON of
/// docs/arrival-declaration-schema.md, a currency code the JSON of docs/currency-declaration-schema.md; each step takes
/// only its own kind, so a code made for one declaration is never read as the other.
/// </summary>
public enum PreDeclarationKind
{
    /// <summary>The customs declaration on arrival (the claim map carries no kind: codes made before kinds existed are this).</summary>
    Arrival = 0,

    /// <summary>A declaration of cash and other means of payment (FATF Recommendation 32), departure or arrival.</summary>
    Currency = 1,
}
