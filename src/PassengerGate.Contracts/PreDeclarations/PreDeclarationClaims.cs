namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>
/// What a pre-declaration QR carries. <see cref="DeclarationJson"/> is the declaration in the JSON of
/// docs/arrival-declaration-schema.md; read it with PassengerGate.Domain.Arrival.DeclarationJson
/// (Contracts does not depend on the domain). <see cref="Kind"/> says which declaration it is: a currency code carries
/// the JSON of docs/currency-declaration-schema.md instead.
/// </summary>
public sealed record PreDeclarationClaims(
    string Issuer,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    Guid PreDeclarationId,
    string DeclarationJson,
    PreDeclarationKind Kind = PreDeclarationKind.Arrival);
