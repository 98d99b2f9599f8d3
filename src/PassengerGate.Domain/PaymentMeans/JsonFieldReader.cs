using System.Globalization;
using System.Text.Json;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// Field-by-field reading of a JSON object that collects every error with its path and never throws, in the
/// manner of the arrival declaration reader (docs/arrival-declaration-schema.md "Errors").
/// </summary>
internal sealed class JsonFieldReader
{
    public List<DeclarationError> Errors { get; } = [];

    public void Add(string path, string message) => Errors.Add(new DeclarationError(path, message));

    public void Known(JsonElement obj, string path, params string[] names)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                Add($"{path}.{property.Name}", "unknown field");
            }
        }
    }

    public static bool Has(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Obj(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"{path}.{name}", "expected an object");
            return null;
        }

        return value;
    }

    public IEnumerable<(JsonElement Item, string Path)> Items(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add($"{path}.{name}", "expected an array");
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]");
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(itemPath, "expected an object");
                continue;
            }

            yield return (item, itemPath);
        }
    }

    public string? Str(JsonElement obj, string name, string path, bool required)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add($"{path}.{name}", "expected a string");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (required && text.Length == 0)
        {
            Add($"{path}.{name}", "required: must not be empty");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    public int? Int(JsonElement obj, string name, string path, bool required, int min)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Add($"{path}.{name}", "expected a whole number");
            return null;
        }

        if (number < min)
        {
            Add($"{path}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be at least {min}"));
            return null;
        }

        return number;
    }

    /// <summary>A decimal; <paramref name="positive"/> refuses zero, otherwise only negatives are refused.</summary>
    public decimal? Dec(JsonElement obj, string name, string path, bool required, bool positive)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Add($"{path}.{name}", "expected a number");
            return null;
        }

        if (positive ? number <= 0 : number < 0)
        {
            Add($"{path}.{name}", positive ? "must be greater than 0" : "must not be negative");
            return null;
        }

        return number;
    }

    public DateOnly? Date(JsonElement obj, string name, string path, bool required)
    {
        var text = Str(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add($"{path}.{name}", $"'{text}' is not a yyyy-MM-dd date");
            return null;
        }

        return date;
    }

    public T? Enum<T>(JsonElement obj, string name, string path, bool required)
        where T : struct, Enum
    {
        var text = Str(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(CurrencyDeclarationJson.EnumName(candidate), text, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<T>().Select(CurrencyDeclarationJson.EnumName));
        Add($"{path}.{name}", $"'{text}' is not one of: {allowed}");
        return null;
    }

    public Currency.CurrencyCode? Currency(JsonElement obj, string name, string path, bool required)
    {
        var text = Str(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (!PassengerGate.Domain.Currency.CurrencyCode.TryParse(text, out var code))
        {
            Add($"{path}.{name}", $"'{text}' is not an ISO 4217 code (three capital letters)");
            return null;
        }

        return code;
    }

    /// <summary>An ICAO alpha-3 code as printed in an MRZ (JPN, PRK, D&lt;&lt; for Germany), '&lt;' padding removed.</summary>
    public string? Country(JsonElement obj, string name, string path, bool required)
    {
        var text = Str(obj, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (text.Length is < 1 or > 3 || !char.IsAsciiLetterUpper(text[0]) || !text.All(c => char.IsAsciiLetterUpper(c) || c == '<'))
        {
            Add($"{path}.{name}", $"'{text}' is not an ICAO alpha-3 code as in an MRZ (e.g. JPN, KOR, PRK, D<<)");
            return null;
        }

        return text.TrimEnd('<');
    }

    private bool TryGet(JsonElement obj, string name, string path, bool required, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Add($"{path}.{name}", "required");
        }

        return false;
    }
}
