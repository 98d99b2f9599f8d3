using System.Globalization;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Reads watchlist and lost/stolen entries from CSV with the header <see cref="Header"/>. Dates are
/// yyyy-MM-dd; validTo and dateOfBirth may be empty. A lost/stolen entry names a document; a watchlist
/// entry names a document, a person (surname and date of birth), or both. All or nothing.
/// </summary>
public static class WatchlistCsv
{
    public const string Header = "kind,documentNumber,issuingState,surname,givenNames,dateOfBirth,reason,source,validFrom,validTo";

    public static WatchlistImport Parse(string csv)
    {
        var errors = new List<CsvError>();
        var rows = RiskCsv.Read(csv, Header, errors);
        var entries = new List<WatchlistEntry>();
        foreach (var row in rows)
        {
            var c = row.Cells;
            var before = errors.Count;
            void Error(string message) => errors.Add(new CsvError(row.Line, message));

            var kind = WatchlistEntry.ParseKind(c[0]);
            if (kind is null)
            {
                Error($"kind '{c[0]}' must be 'watchlist' or 'lost-stolen'");
            }

            var number = DocumentNumber.Normalise(c[1]);
            if (number.Length > 0 && !DocumentNumber.IsWellFormed(number))
            {
                Error($"documentNumber '{c[1]}' must be letters and digits (at most 20)");
            }

            var state = c[2].ToUpperInvariant();
            if (state.Length > 0 && (state.Length is not (1 or 3) || !state.All(char.IsAsciiLetterUpper)))
            {
                Error($"issuingState '{c[2]}' must be an ICAO code (3 letters, or D)");
            }

            var dateOfBirth = OptionalDate(c[5], "dateOfBirth", Error);
            if (c[6].Length == 0)
            {
                Error("reason is empty: an officer must see why the entry exists");
            }

            if (c[7].Length == 0)
            {
                Error("source is empty: every entry cites the list it came from");
            }

            var validFrom = OptionalDate(c[8], "validFrom", Error);
            if (c[8].Length == 0)
            {
                Error("validFrom is required");
            }

            var validTo = OptionalDate(c[9], "validTo", Error);
            if (validFrom is not null && validTo is not null && validTo < validFrom)
            {
                Error("validTo is before validFrom");
            }

            var hasPerson = c[3].Length > 0 && dateOfBirth is not null;
            if (kind == WatchlistKind.LostStolen && number.Length == 0)
            {
                Error("a lost-stolen entry needs a documentNumber");
            }
            else if (number.Length == 0 && !hasPerson)
            {
                Error("an entry needs a documentNumber, or a surname and a dateOfBirth");
            }

            if (c[3].Length > 0 != (dateOfBirth is not null))
            {
                Error("surname and dateOfBirth go together: a name without a date of birth matches too many travellers");
            }

            if (errors.Count == before)
            {
                entries.Add(new WatchlistEntry
                {
                    Kind = kind!.Value,
                    DocumentNumber = number,
                    IssuingState = IcaoCountry.ToAlpha3(state),
                    Surname = c[3],
                    GivenNames = c[4],
                    DateOfBirth = dateOfBirth,
                    Reason = c[6],
                    Source = c[7],
                    ValidFrom = validFrom!.Value,
                    ValidTo = validTo,
                });
            }
        }

        return errors.Count == 0 ? new WatchlistImport(entries, []) : new WatchlistImport([], errors);
    }

    internal static DateOnly? OptionalDate(string text, string field, Action<string> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error($"{field} '{text}' is not a yyyy-MM-dd date");
        return null;
    }
}
