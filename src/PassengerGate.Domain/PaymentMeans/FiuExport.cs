using System.Globalization;
using System.Text;
using System.Xml;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>One stored declaration as the FIU export takes it (docs/currency-fiu-export.md).</summary>
public sealed record FiuRecord(
    string Number,
    string Airport,
    string Status,
    string Channel,
    DateTimeOffset RecordedAt,
    CurrencyDeclaration? Declaration,
    CurrencyAssessment Assessment,
    decimal? CountedTotal,
    decimal? RestrainedAmount,
    string? CaseOrigin,
    string? CaseIntendedUse);

/// <summary>
/// The export to the financial intelligence unit for a date range (FATF R.32 INR para. 6: declarations are made
/// available to the FIU): a flat CSV, one row per instrument, and an XML whose elements follow the boxes of the
/// cash declaration form of Commission Implementing Regulation (EU) 2021/776 Annex I (the mapping is in
/// docs/currency-fiu-export.md). Pure; no personal data beyond what the form itself asks.
/// </summary>
public static class FiuExport
{
    public const string XmlNamespace = "urn:passengergate:currency-declaration-export:1";

    public static readonly string[] CsvColumns =
    [
        "declarationNumber", "airport", "status", "channel", "recordedAtUtc", "direction", "declarationDate", "jurisdiction",
        "bearerName", "bearerNationality", "bearerDocumentNumber", "bearerDateOfBirth", "flight", "bookingReference", "destinationCountry",
        "ownerName", "recipientName", "origin", "intendedUse", "instrumentPath", "instrumentKind", "currency", "amount",
        "valueInReportingCurrency", "rateYenPerUnit", "rateValidFrom", "rateValidTo", "reportingCurrency", "total", "threshold",
        "overThreshold", "countedTotal", "restrainedAmount", "caseOrigin", "caseIntendedUse",
    ];

    public static string Csv(IEnumerable<FiuRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var r in records)
        {
            var d = r.Declaration;
            var a = r.Assessment;
            var lines = a.Instruments.Count == 0 ? [null] : a.Instruments.Select(i => (AssessedInstrument?)i).ToList();
            foreach (var i in lines)
            {
                string?[] cells =
                [
                    r.Number, r.Airport, r.Status, r.Channel, r.RecordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    d is null ? null : CurrencyDeclarationJson.EnumName(d.Direction), Date(d?.DeclarationDate ?? a.AsOf), a.Jurisdiction.ToString(),
                    d?.Bearer.Name, d?.Bearer.Nationality, d?.Bearer.DocumentNumber, d?.Bearer.DateOfBirth is { } b ? Date(b) : null,
                    d?.Flight, d?.BookingReference, d?.DestinationCountry, d?.Owner?.Name, d?.Recipient?.Name, d?.Origin, d?.IntendedUse,
                    i?.Path, i is null ? null : CurrencyDeclarationJson.EnumName(i.Kind), i?.Counted?.Currency.Value, Num(i?.Counted?.Amount),
                    Num(i?.ReportingValue), Num(i?.Rate?.YenPerUnit), i?.Rate is { } rate ? Date(rate.ValidFrom) : null, i?.Rate is { } rate2 ? Date(rate2.ValidTo) : null,
                    a.ReportingCurrency.Value, Num(a.Total), Num(a.Threshold.Value), a.OverThreshold ? "true" : "false",
                    Num(r.CountedTotal), Num(r.RestrainedAmount), r.CaseOrigin, r.CaseIntendedUse,
                ];
                csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    public static string Xml(IEnumerable<FiuRecord> records, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("CashDeclarations", XmlNamespace);
            w.WriteAttributeString("from", Date(from));
            w.WriteAttributeString("to", Date(to));
            w.WriteAttributeString("form", "Commission Implementing Regulation (EU) 2021/776, Annex I (cash declaration)");
            foreach (var r in records)
            {
                var d = r.Declaration;
                var a = r.Assessment;
                w.WriteStartElement("Declaration");
                w.WriteAttributeString("number", r.Number);
                w.WriteAttributeString("status", r.Status);

                // Box 1: declarant (the carrier) — the bearer.
                w.WriteStartElement("Carrier");
                Element(w, "Name", d?.Bearer.Name);
                Element(w, "Nationality", d?.Bearer.Nationality);
                Element(w, "DateOfBirth", d?.Bearer.DateOfBirth is { } b ? Date(b) : null);
                Element(w, "IdentityDocumentNumber", d?.Bearer.DocumentNumber);
                Element(w, "Address", d?.Bearer.Address);
                w.WriteEndElement();

                // Box 2 and 3: owner and intended recipient when not the carrier.
                PartyElement(w, "Owner", d?.Owner);
                PartyElement(w, "IntendedRecipient", d?.Recipient);

                // Box 4: the movement — direction, date, place, means of transport, destination.
                w.WriteStartElement("Movement");
                Element(w, "Direction", d is null ? null : (d.Direction == CarryDirection.Departure ? "exit" : "entry"));
                Element(w, "Date", Date(d?.DeclarationDate ?? a.AsOf));
                Element(w, "PlaceOfDeclaration", r.Airport);
                Element(w, "MeansOfTransport", d?.Flight is { } f ? "air " + f : "air");
                Element(w, "BookingReference", d?.BookingReference);
                Element(w, "CountryOfDestination", d?.DestinationCountry);
                Element(w, "Transport", d is null ? null : CurrencyDeclarationJson.EnumName(d.Transport));
                w.WriteEndElement();

                // Box 5: the cash — per instrument, currency and amount.
                w.WriteStartElement("Cash");
                foreach (var i in a.Instruments)
                {
                    w.WriteStartElement("Item");
                    w.WriteAttributeString("type", CurrencyDeclarationJson.EnumName(i.Kind));
                    Element(w, "Currency", i.Counted?.Currency.Value);
                    Element(w, "Amount", Num(i.Counted?.Amount));
                    Element(w, "ValueInReportingCurrency", Num(i.ReportingValue));
                    if (i.Rate is { } rate)
                    {
                        w.WriteStartElement("Rate");
                        w.WriteAttributeString("yenPerUnit", Num(rate.YenPerUnit));
                        w.WriteAttributeString("validFrom", Date(rate.ValidFrom));
                        w.WriteAttributeString("validTo", Date(rate.ValidTo));
                        w.WriteEndElement();
                    }

                    w.WriteEndElement();
                }

                Element(w, "Total", Num(a.Total));
                Element(w, "ReportingCurrency", a.ReportingCurrency.Value);
                Element(w, "Threshold", Num(a.Threshold.Value));
                w.WriteEndElement();

                // Box 6: provenance and intended use.
                Element(w, "EconomicOrigin", d?.Origin ?? r.CaseOrigin);
                Element(w, "IntendedUse", d?.IntendedUse ?? r.CaseIntendedUse);

                // Competent-authority part: the control and its result.
                w.WriteStartElement("Control");
                Element(w, "Channel", r.Channel);
                Element(w, "RecordedAt", r.RecordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                Element(w, "CountedTotal", Num(r.CountedTotal));
                Element(w, "RestrainedAmount", Num(r.RestrainedAmount));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return text.ToString();
    }

    private static void PartyElement(XmlWriter w, string name, Party? party)
    {
        if (party is null)
        {
            return;
        }

        w.WriteStartElement(name);
        Element(w, "Name", party.Name);
        Element(w, "Nationality", party.Nationality);
        Element(w, "DateOfBirth", party.DateOfBirth is { } b ? Date(b) : null);
        Element(w, "IdentityDocumentNumber", party.DocumentNumber);
        Element(w, "Address", party.Address);
        w.WriteEndElement();
    }

    private static void Element(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, value);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Num(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);

    // RFC 4180: quote a cell holding a comma, quote or line break; a leading =, +, - or @ is prefixed with ' so a
    // spreadsheet opening the export never runs a formula a traveller typed (OWASP CSV injection).
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
