using System.Globalization;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Reads an APIS manifest from CSV with the header <see cref="Header"/>: the date is yyyy-MM-dd, the name as the
/// carrier sent it, the nationality an ICAO code, the booking reference the PNR locator (may be empty). All or
/// nothing, every error with its line number. One document appears once per flight and date.
/// </summary>
public static class AdvancePassengerCsv
{
    public const string Header = "flight,date,name,documentNumber,nationality,bookingReference";

    public static ApisImport Parse(string csv)
    {
        var errors = new List<CsvError>();
        var rows = RiskCsv.Read(csv, Header, errors);
        var records = new List<AdvancePassengerRecord>();
        var seen = new Dictionary<(string, DateOnly, string), int>();
        foreach (var row in rows)
        {
            var c = row.Cells;
            var before = errors.Count;
            void Error(string message) => errors.Add(new CsvError(row.Line, message));

            var flight = FlightNumber.Normalise(c[0]);
            if (flight is null)
            {
                Error($"flight '{c[0]}' is not a flight designator (airline code and 1-4 digits, e.g. NH110)");
            }

            var date = WatchlistCsv.OptionalDate(c[1], "date", Error);
            if (c[1].Length == 0)
            {
                Error("date is required");
            }

            if (c[2].Length == 0)
            {
                Error("name is empty");
            }

            var number = DocumentNumber.Normalise(c[3]);
            if (!DocumentNumber.IsWellFormed(number))
            {
                Error($"documentNumber '{c[3]}' must be letters and digits (at most 20)");
            }

            var nationality = c[4].ToUpperInvariant();
            if (nationality.Length is not (1 or 3) || !nationality.All(char.IsAsciiLetterUpper))
            {
                Error($"nationality '{c[4]}' must be an ICAO code (3 letters, or D)");
            }

            var booking = c[5].ToUpperInvariant();
            if (booking.Length > 0 && (booking.Length > 12 || !booking.All(char.IsAsciiLetterOrDigit)))
            {
                Error($"bookingReference '{c[5]}' must be letters and digits (at most 12)");
            }

            if (errors.Count != before)
            {
                continue;
            }

            var key = (flight!, date!.Value, number);
            if (seen.TryGetValue(key, out var firstLine))
            {
                Error(string.Create(CultureInfo.InvariantCulture, $"document {number} is already on {flight} {date:yyyy-MM-dd} at line {firstLine}"));
                continue;
            }

            seen[key] = row.Line;
            records.Add(new AdvancePassengerRecord(flight!, date.Value, c[2], number, IcaoCountry.ToAlpha3(nationality), booking));
        }

        return errors.Count == 0 ? new ApisImport(records, []) : new ApisImport([], errors);
    }
}
