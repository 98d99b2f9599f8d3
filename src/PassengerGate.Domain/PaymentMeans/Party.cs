namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// A person named on a declaration: the bearer (identity from the verified passport at a kiosk), or the
/// owner or intended recipient when they are not the bearer (FATF R.32 INR; Regulation (EU) 2021/776 form).
/// <see cref="Nationality"/> is an ICAO alpha-3 code as in an MRZ.
/// </summary>
public sealed record Party
{
    public required string Name { get; init; }

    public string? Nationality { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Address { get; init; }
}
