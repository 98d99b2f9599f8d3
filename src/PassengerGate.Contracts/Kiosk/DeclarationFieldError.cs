using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// Why the service refused one field of a declaration (docs/decisions/0017). On the wire: camelCase names
/// ("nationalityNotIcao"); a kiosk words each in the passenger's language.
/// </summary>
[JsonConverter(typeof(DeclarationFieldProblemJsonConverter))]
public enum DeclarationFieldProblem
{
    /// <summary>Missing, malformed or unknown to the schema (docs/arrival-declaration-schema.md).</summary>
    Invalid,

    /// <summary>Not a nationality code of ICAO Doc 9303 Part 3.</summary>
    NationalityNotIcao,

    /// <summary>A currency without a customs weekly rate this week.</summary>
    CurrencyWithoutRate,

    /// <summary>A date of birth after today at the airport.</summary>
    BirthDateInFuture,

    /// <summary>An arrival date too far from today at the airport.</summary>
    ArrivalDateOutOfWindow,
}

/// <summary>One refused field: its JSON path in the declaration ("$.header.nationality"), the problem, and English words for logs.</summary>
public sealed record DeclarationFieldError(string Path, DeclarationFieldProblem Problem, string Text);

/// <summary>camelCase names, no numbers: a value the reader does not know is an error.</summary>
public sealed class DeclarationFieldProblemJsonConverter() : JsonStringEnumConverter<DeclarationFieldProblem>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
