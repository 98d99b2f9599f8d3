namespace PassengerGate.Domain.Arrival;

/// <summary>The C5360 header block (domain-japan.md §1.2 [S4][S5]).</summary>
public sealed record DeclarationHeader
{
    public required string FlightOrVessel { get; init; }

    public required string EmbarkationPoint { get; init; }

    public required DateOnly ArrivalDate { get; init; }

    public required string Name { get; init; }

    public required string AddressInJapan { get; init; }

    public string Phone { get; init; } = "";

    /// <summary>ICAO alpha-3 as printed in an MRZ ("D" for Germany).</summary>
    public required string Nationality { get; init; }

    public string Occupation { get; init; } = "";

    public required DateOnly DateOfBirth { get; init; }

    public required string PassportNumber { get; init; }

    public FamilyBands Family { get; init; } = new(0, 0, 0);

    /// <summary>
    /// Not on C5360. Read only by the older tobacco rule that doubled allowances for non-residents
    /// (DOMAIN.md §1 "Tobacco for non-residents"); null means not stated, and then no doubling applies.
    /// </summary>
    public bool? ResidentOfJapan { get; init; }
}
