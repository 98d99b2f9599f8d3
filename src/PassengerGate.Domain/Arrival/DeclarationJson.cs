using System.Globalization;
using System.Text;
using System.Text.Json;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Reads and writes the declaration JSON of docs/arrival-declaration-schema.md (camelCase, web style).
/// Reading never throws on bad input: it returns every error with its field path. Each schema version
/// keeps its own reader, so a declaration written in an older version still reads.
/// </summary>
public static class DeclarationJson
{
    public const int CurrentSchemaVersion = 1;

    public static DeclarationReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return new DeclarationReadResult(null, [new DeclarationError("$", $"not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new DeclarationReadResult(null, [new DeclarationError("$", "expected a JSON object")]);
            }

            if (!root.TryGetProperty("schemaVersion", out var versionElement) || !versionElement.TryGetInt32(out var version))
            {
                return new DeclarationReadResult(null, [new DeclarationError("$.schemaVersion", "required: an integer schema version")]);
            }

            return version switch
            {
                1 => new DeclarationReaderV1().Read(root),
                _ => new DeclarationReadResult(null, [new DeclarationError("$.schemaVersion", $"unsupported schema version {version}; this reader knows 1..{CurrentSchemaVersion}")]),
            };
        }
    }

    public static string Write(ArrivalDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", CurrentSchemaVersion);
            if (declaration.GroupId is not null)
            {
                w.WriteString("groupId", declaration.GroupId);
            }

            w.WriteStartObject("declarant");
            w.WriteString("role", EnumName(declaration.Declarant.Role));
            if (declaration.Declarant.GuardianName is not null)
            {
                w.WriteString("guardianName", declaration.Declarant.GuardianName);
            }

            w.WriteEndObject();
            WriteHeader(w, declaration.Header);
            WriteAnswers(w, declaration.Answers);
            w.WriteNumber("unaccompaniedPackages", declaration.UnaccompaniedPackages);
            WriteGoods(w, declaration.Goods);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The JSON name of an enum member: camelCase, as System.Text.Json web defaults name properties.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static void WriteHeader(Utf8JsonWriter w, DeclarationHeader h)
    {
        w.WriteStartObject("header");
        w.WriteString("flightOrVessel", h.FlightOrVessel);
        w.WriteString("embarkationPoint", h.EmbarkationPoint);
        w.WriteString("arrivalDate", h.ArrivalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("name", h.Name);
        w.WriteString("addressInJapan", h.AddressInJapan);
        w.WriteString("phone", h.Phone);
        w.WriteString("nationality", h.Nationality);
        w.WriteString("occupation", h.Occupation);
        w.WriteString("dateOfBirth", h.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("passportNumber", h.PassportNumber);
        w.WriteStartObject("family");
        w.WriteNumber("aged20OrOver", h.Family.Aged20OrOver);
        w.WriteNumber("aged6To19", h.Family.Aged6To19);
        w.WriteNumber("under6", h.Family.Under6);
        w.WriteEndObject();
        if (h.ResidentOfJapan is { } resident)
        {
            w.WriteBoolean("residentOfJapan", resident);
        }

        w.WriteEndObject();
    }

    private static void WriteAnswers(Utf8JsonWriter w, DeclarationAnswers a)
    {
        w.WriteStartObject("answers");
        w.WriteBoolean("prohibitedOrRestricted", a.ProhibitedOrRestricted);
        w.WriteBoolean("goldBullionOrProducts", a.GoldBullionOrProducts);
        w.WriteBoolean("overDutyFreeAllowance", a.OverDutyFreeAllowance);
        w.WriteBoolean("commercialGoodsOrSamples", a.CommercialGoodsOrSamples);
        w.WriteBoolean("carriedForSomeoneElse", a.CarriedForSomeoneElse);
        w.WriteBoolean("paymentMeansOverThreshold", a.PaymentMeansOverThreshold);
        w.WriteBoolean("unaccompaniedBaggage", a.UnaccompaniedBaggage);
        w.WriteEndObject();
    }

    private static void WriteGoods(Utf8JsonWriter w, DeclaredGoods g)
    {
        w.WriteStartObject("goods");
        w.WriteStartArray("alcohol");
        foreach (var line in g.Alcohol)
        {
            w.WriteStartObject();
            w.WriteString("kind", EnumName(line.Kind));
            w.WriteNumber("bottles", line.Bottles);
            w.WriteNumber("volumeMlPerBottle", line.VolumeMlPerBottle);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("cigarettes", g.Cigarettes);
        w.WriteNumber("cigars", g.Cigars);
        w.WriteStartObject("heatedTobacco");
        w.WriteNumber("packs", g.HeatedTobacco.Packs);
        w.WriteNumber("unitsPerPack", g.HeatedTobacco.UnitsPerPack);
        w.WriteString("unit", EnumName(g.HeatedTobacco.Unit));
        w.WriteEndObject();
        w.WriteNumber("otherTobaccoGrams", g.OtherTobaccoGrams);
        w.WriteNumber("perfumeMl", g.PerfumeMl);
        w.WriteStartArray("otherGoods");
        foreach (var line in g.OtherGoods)
        {
            w.WriteStartObject();
            w.WriteString("description", line.Description);
            if (line.Kind is not null)
            {
                w.WriteString("kind", line.Kind);
            }

            w.WriteNumber("quantity", line.Quantity);
            w.WriteNumber("unitRetailValue", line.UnitRetailValue.Amount);
            w.WriteString("currency", line.UnitRetailValue.Currency.Value);
            w.WriteBoolean("isSet", line.IsSet);
            w.WriteBoolean("forChild", line.ForChild);
            if (line.Exclusion is { } exclusion)
            {
                w.WriteString("exclusion", EnumName(exclusion));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
