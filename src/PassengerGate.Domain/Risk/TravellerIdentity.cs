using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Who the traveller is, at MRZ level only: the fields printed in the machine-readable zone (or read from
/// the chip's DG1, which holds the same MRZ). Nothing biometric belongs here (DOMAIN.md §1 "Electronic flow":
/// face images are used only for matching and deleted; §5 rule 8).
/// </summary>
public sealed record TravellerIdentity
{
    /// <summary>As in the MRZ: upper case, '&lt;' between words.</summary>
    public required string Surname { get; init; }

    public required string GivenNames { get; init; }

    public required DateOnly? DateOfBirth { get; init; }

    public required string DocumentNumber { get; init; }

    /// <summary>ICAO alpha-3 ("DEU", not "D").</summary>
    public required string IssuingState { get; init; }

    /// <summary>ICAO alpha-3.</summary>
    public required string Nationality { get; init; }

    /// <summary>The MRZ name field is full, so the name may have been cut (Doc 9303 Part 3 §4.6).</summary>
    public bool NameMayBeTruncated { get; init; }

    public static TravellerIdentity FromMrz(MrzResult mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        return new TravellerIdentity
        {
            Surname = mrz.Surname,
            GivenNames = mrz.GivenNames,
            DateOfBirth = mrz.DateOfBirth,
            DocumentNumber = Risk.DocumentNumber.Normalise(mrz.DocumentNumber),
            IssuingState = mrz.IssuingStateAlpha3,
            Nationality = mrz.NationalityAlpha3,
            NameMayBeTruncated = mrz.NameMayBeTruncated,
        };
    }
}
