namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// One bearer's declaration of means of payment carried or sent across a border (FATF R.32; Japan FEFTA
/// art. 19(3); docs/currency-declaration-schema.md). Pure data: the rule pack decides what it requires.
/// </summary>
public sealed record CurrencyDeclaration
{
    /// <summary>The version of docs/currency-declaration-schema.md it was written in.</summary>
    public int SchemaVersion { get; init; } = CurrencyDeclarationJson.CurrentSchemaVersion;

    public required Jurisdiction Jurisdiction { get; init; }

    public required CarryDirection Direction { get; init; }

    /// <summary>The day of the border crossing; rules and the weekly rate are taken as of this date.</summary>
    public required DateOnly DeclarationDate { get; init; }

    public required Party Bearer { get; init; }

    /// <summary>ICAO alpha-3 code of the country of destination (required on departure).</summary>
    public string? DestinationCountry { get; init; }

    /// <summary>Flight or vessel, used by the structuring screen to group travellers.</summary>
    public string? Flight { get; init; }

    /// <summary>The airline booking (PNR record locator), used by the structuring screen.</summary>
    public string? BookingReference { get; init; }

    public required IReadOnlyList<PaymentInstrument> Instruments { get; init; }

    /// <summary>The owner when not the bearer.</summary>
    public Party? Owner { get; init; }

    /// <summary>The intended recipient when not the bearer.</summary>
    public Party? Recipient { get; init; }

    /// <summary>Where the money comes from (economic origin), in the declarant's words.</summary>
    public string? Origin { get; init; }

    public string? IntendedUse { get; init; }

    public CashTransport Transport { get; init; } = CashTransport.Accompanied;
}
