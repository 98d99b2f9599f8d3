namespace PassengerGate.Domain.Arrival;

/// <summary>
/// One traveller's electronic baggage declaration (Customs Form C No. 5360; DOMAIN.md §1). On the
/// kiosk each family member has their own (domain-japan.md §1.5: one QR per person); members of one
/// family share a <see cref="GroupId"/>, and a child's declaration is made by a guardian.
/// </summary>
public sealed record ArrivalDeclaration
{
    /// <summary>The version of docs/arrival-declaration-schema.md this declaration was written in.</summary>
    public int SchemaVersion { get; init; } = DeclarationJson.CurrentSchemaVersion;

    public string? GroupId { get; init; }

    public required Declarant Declarant { get; init; }

    public required DeclarationHeader Header { get; init; }

    public required DeclarationAnswers Answers { get; init; }

    /// <summary>Number of unaccompanied packages (別送品, C5360 Q3); 0 when the answer is no.</summary>
    public int UnaccompaniedPackages { get; init; }

    public DeclaredGoods Goods { get; init; } = new();
}
