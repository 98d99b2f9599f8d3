using System.Globalization;
using System.Text;
using System.Text.Json;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Reads and writes the currency declaration JSON of docs/currency-declaration-schema.md (camelCase names,
/// camelCase enum values except the upper-case jurisdiction codes). Reading never throws on bad input; each
/// schema version keeps its own reader.
/// </summary>
public static class CurrencyDeclarationJson
{
    public const int CurrentSchemaVersion = 1;

    public static CurrencyDeclarationReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return new CurrencyDeclarationReadResult(null, [new DeclarationError("$", $"not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new CurrencyDeclarationReadResult(null, [new DeclarationError("$", "expected a JSON object")]);
            }

            if (!root.TryGetProperty("schemaVersion", out var versionElement) || !versionElement.TryGetInt32(out var version))
            {
                return new CurrencyDeclarationReadResult(null, [new DeclarationError("$.schemaVersion", "required: an integer schema version")]);
            }

            return version switch
            {
                1 => new CurrencyDeclarationReaderV1().Read(root),
                _ => new CurrencyDeclarationReadResult(null, [new DeclarationError("$.schemaVersion", $"unsupported schema version {version}; this reader knows 1..{CurrentSchemaVersion}")]),
            };
        }
    }

    /// <summary>The JSON name of an enum member: jurisdiction codes as they are (JP, EU), others camelCase.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum =>
        typeof(T) == typeof(Jurisdiction) ? value.ToString() : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string Write(CurrencyDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", CurrentSchemaVersion);
            w.WriteString("jurisdiction", EnumName(declaration.Jurisdiction));
            w.WriteString("direction", EnumName(declaration.Direction));
            w.WriteString("declarationDate", declaration.DeclarationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteParty(w, "bearer", declaration.Bearer);
            WriteOptional(w, "destinationCountry", declaration.DestinationCountry);
            WriteOptional(w, "flight", declaration.Flight);
            WriteOptional(w, "bookingReference", declaration.BookingReference);
            w.WriteString("transport", EnumName(declaration.Transport));
            w.WriteStartArray("instruments");
            foreach (var instrument in declaration.Instruments)
            {
                WriteInstrument(w, instrument);
            }

            w.WriteEndArray();
            WriteParty(w, "owner", declaration.Owner);
            WriteParty(w, "recipient", declaration.Recipient);
            WriteOptional(w, "origin", declaration.Origin);
            WriteOptional(w, "intendedUse", declaration.IntendedUse);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteInstrument(Utf8JsonWriter w, PaymentInstrument instrument)
    {
        w.WriteStartObject();
        w.WriteString("kind", EnumName(instrument.Kind));
        switch (instrument)
        {
            case CashInstrument cash:
                WriteMoney(w, cash.Amount);
                if (cash.Denominations.Count > 0)
                {
                    w.WriteStartArray("denominations");
                    foreach (var d in cash.Denominations)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("value", d.Value);
                        w.WriteNumber("count", d.Count);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                break;
            case NegotiableInstrument negotiable:
                WriteMoney(w, negotiable.Amount);
                break;
            case PrepaidCardInstrument card:
                WriteMoney(w, card.Amount);
                break;
            case SecuritiesInstrument securities:
                w.WriteString("currency", securities.Currency.Value);
                WriteOptional(w, "marketValue", securities.MarketValue);
                WriteOptional(w, "bookValue", securities.BookValue);
                WriteOptional(w, "acquisitionValue", securities.AcquisitionValue);
                break;
            case PreciousMetalInstrument metal:
                w.WriteString("metal", EnumName(metal.Metal));
                w.WriteString("form", EnumName(metal.Form));
                w.WriteNumber("weightGrams", metal.WeightGrams);
                w.WriteNumber("purityPercent", metal.PurityPercent);
                if (metal.Value is { } value)
                {
                    w.WriteNumber("value", value.Amount);
                    w.WriteString("currency", value.Currency.Value);
                }

                break;
            default:
                throw new NotSupportedException($"no JSON form for {instrument.GetType().Name}");
        }

        w.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter w, Money money)
    {
        w.WriteString("currency", money.Currency.Value);
        w.WriteNumber("amount", money.Amount);
    }

    private static void WriteParty(Utf8JsonWriter w, string name, Party? party)
    {
        if (party is null)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("name", party.Name);
        WriteOptional(w, "nationality", party.Nationality);
        WriteOptional(w, "dateOfBirth", party.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteOptional(w, "documentNumber", party.DocumentNumber);
        WriteOptional(w, "address", party.Address);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}
