using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.TaxFree;

/// <summary>One refused field of a submitted purchase record: its JSON path and English words.</summary>
public sealed record PurchaseRecordError(string Path, string Message);

/// <summary>A purchase record read from a shop's JSON, or every field error found.</summary>
public sealed record PurchaseRecordRead(PurchaseRecord? Record, IReadOnlyList<PurchaseRecordError> Errors)
{
    public bool IsValid => Record is not null && Errors.Count == 0;
}

/// <summary>
/// Reads the JSON a shop submits (POST /api/taxfree/records, and each line of `pgate taxfree import`):
/// every error is reported with its path so the shop can correct all at once (RFC 9457 field errors, as decision 0017
/// does for declarations). Unknown members are errors: a misspelt "unitprice" must not pass as a missing price.
/// </summary>
public static class PurchaseRecordJson
{
    public const int MaxItems = 500;
    public const int MaxText = 200;
    public const long MaxUnitPrice = 100_000_000_000;

    private static readonly HashSet<string> RecordMembers = ["recordId", "passportNumber", "nationality", "purchasedAt", "items"];
    private static readonly HashSet<string> ItemMembers = ["description", "quantity", "unitPrice", "tax", "brand", "model", "serial", "category"];

    private static readonly Dictionary<string, TaxFreeGoodsCategory> Categories = new(StringComparer.Ordinal)
    {
        ["general"] = TaxFreeGoodsCategory.General,
        ["reducedRate"] = TaxFreeGoodsCategory.ReducedRate,
        ["bullion"] = TaxFreeGoodsCategory.Bullion,
        ["goldCoin"] = TaxFreeGoodsCategory.GoldCoin,
        ["platinumCoin"] = TaxFreeGoodsCategory.PlatinumCoin,
    };

    public static PurchaseRecordRead Read(string json, string shopId)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new PurchaseRecordRead(null, [new PurchaseRecordError("$", "not JSON: " + e.Message)]);
        }

        using (document)
        {
            return Read(document.RootElement, shopId);
        }
    }

    public static PurchaseRecordRead Read(JsonElement root, string shopId)
    {
        var errors = new List<PurchaseRecordError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new PurchaseRecordRead(null, [new PurchaseRecordError("$", "an object is expected")]);
        }

        Unknown(root, RecordMembers, "$", errors);
        var recordId = Text(root, "recordId", "$", errors, required: true, max: 64);
        if (recordId is not null && !recordId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(new PurchaseRecordError("$.recordId", "letters, digits, '-', '_' and '.' only"));
        }

        var passport = Text(root, "passportNumber", "$", errors, required: true, max: 20);
        string? passportNormal = null;
        if (passport is not null)
        {
            passportNormal = DocumentNumber.Normalise(passport);
            if (passportNormal.Length is 0 or > 9 || !passportNormal.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add(new PurchaseRecordError("$.passportNumber", "a passport number of 1 to 9 letters and digits (ICAO Doc 9303 Part 4)"));
            }
        }

        var nationality = Text(root, "nationality", "$", errors, required: true, max: 3);
        if (nationality is not null && (nationality.Length != 3 || !IcaoCountry.IsKnown(nationality)))
        {
            errors.Add(new PurchaseRecordError("$.nationality", "a three-letter nationality code of ICAO Doc 9303 Part 3"));
        }

        DateTimeOffset? purchasedAt = null;
        var purchasedText = Text(root, "purchasedAt", "$", errors, required: true, max: 40);
        if (purchasedText is not null)
        {
            // The offset is required: a local time without one would be read in the machine's zone.
            if (DateTimeOffset.TryParseExact(purchasedText, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && (purchasedText.EndsWith('Z') || purchasedText.Length > 6 && purchasedText[^6] is '+' or '-'))
            {
                purchasedAt = at;
            }
            else
            {
                errors.Add(new PurchaseRecordError("$.purchasedAt", "ISO 8601 date and time with its offset, e.g. 2026-11-01T14:00:00+09:00"));
            }
        }

        var items = new List<PurchaseItem>();
        if (!root.TryGetProperty("items", out var itemsElement) || itemsElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PurchaseRecordError("$.items", "a list of items is required"));
        }
        else if (itemsElement.GetArrayLength() is 0 or > MaxItems)
        {
            errors.Add(new PurchaseRecordError("$.items", $"1 to {MaxItems} items"));
        }
        else
        {
            var index = 0;
            foreach (var item in itemsElement.EnumerateArray())
            {
                var read = Item(item, $"$.items[{index}]", errors);
                if (read is not null)
                {
                    items.Add(read);
                }

                index++;
            }
        }

        if (errors.Count > 0)
        {
            return new PurchaseRecordRead(null, errors);
        }

        return new PurchaseRecordRead(new PurchaseRecord(recordId!, shopId, passportNormal!, nationality!, purchasedAt!.Value, items), errors);
    }

    /// <summary>
    /// The canonical JSON of a record's content (not its shop), so the same record sent with other spacing or member
    /// order is the same body for idempotency.
    /// </summary>
    public static string Canonical(PurchaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("recordId", record.RecordId);
            w.WriteString("passportNumber", record.PassportNumber);
            w.WriteString("nationality", record.Nationality);
            w.WriteString("purchasedAt", record.PurchasedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            w.WritePropertyName("items");
            WriteItems(w, record.Items);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static byte[] BodyHash(PurchaseRecord record) => SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(record)));

    public static string ItemsJson(IReadOnlyList<PurchaseItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WriteItems(w, items);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static IReadOnlyList<PurchaseItem> ReadItems(string itemsJson)
    {
        using var document = JsonDocument.Parse(itemsJson);
        var errors = new List<PurchaseRecordError>();
        var items = document.RootElement.EnumerateArray().Select((e, i) => Item(e, $"$[{i}]", errors)).ToList();
        if (errors.Count > 0 || items.Any(i => i is null))
        {
            throw new InvalidDataException("stored items do not read back: " + string.Join("; ", errors.Select(e => e.Path + " " + e.Message)));
        }

        return items!;
    }

    private static void WriteItems(Utf8JsonWriter w, IReadOnlyList<PurchaseItem> items)
    {
        w.WriteStartArray();
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("description", i.Description);
            w.WriteNumber("quantity", i.Quantity);
            w.WriteNumber("unitPrice", i.UnitPrice);
            w.WriteNumber("tax", i.Tax);
            if (i.Brand is not null)
            {
                w.WriteString("brand", i.Brand);
            }

            if (i.Model is not null)
            {
                w.WriteString("model", i.Model);
            }

            if (i.Serial is not null)
            {
                w.WriteString("serial", i.Serial);
            }

            w.WriteString("category", Categories.First(c => c.Value == i.Category).Key);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static PurchaseItem? Item(JsonElement item, string path, List<PurchaseRecordError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PurchaseRecordError(path, "an object is expected"));
            return null;
        }

        var before = errors.Count;
        Unknown(item, ItemMembers, path, errors);
        var description = Text(item, "description", path, errors, required: true, max: MaxText);
        var quantity = Whole(item, "quantity", path, errors, 1, 100_000);
        var unitPrice = Whole(item, "unitPrice", path, errors, 1, MaxUnitPrice);
        var tax = Whole(item, "tax", path, errors, 0, MaxUnitPrice);
        var brand = Text(item, "brand", path, errors, required: false, max: MaxText);
        var model = Text(item, "model", path, errors, required: false, max: MaxText);
        var serial = Text(item, "serial", path, errors, required: false, max: MaxText);
        var category = TaxFreeGoodsCategory.General;
        var categoryText = Text(item, "category", path, errors, required: false, max: 20);
        if (categoryText is not null && !Categories.TryGetValue(categoryText, out category))
        {
            errors.Add(new PurchaseRecordError(path + ".category", "one of " + string.Join(", ", Categories.Keys)));
        }

        return errors.Count > before ? null
            : new PurchaseItem(description!, (int)quantity!.Value, unitPrice!.Value, tax!.Value, brand, model, serial, category);
    }

    private static void Unknown(JsonElement element, HashSet<string> known, string path, List<PurchaseRecordError> errors)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                errors.Add(new PurchaseRecordError($"{path}.{p.Name}", "unknown member"));
            }
        }
    }

    private static string? Text(JsonElement element, string name, string path, List<PurchaseRecordError> errors, bool required, int max)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new PurchaseRecordError($"{path}.{name}", "required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || string.IsNullOrWhiteSpace(text) || text.Length > max)
        {
            errors.Add(new PurchaseRecordError($"{path}.{name}", $"text of 1 to {max} characters"));
            return null;
        }

        return text.Trim();
    }

    private static long? Whole(JsonElement element, string name, string path, List<PurchaseRecordError> errors, long min, long max)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add(new PurchaseRecordError($"{path}.{name}", $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }

        return number;
    }
}
