using System.Text.Json;

namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>The body of GET /api/predeclarations/keys. Kiosks keep the last one they fetched to verify offline.</summary>
public sealed record PublishedKeyList(IReadOnlyList<PublishedKey> Keys)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a saved or fetched key list; null when the text is not such a list.</summary>
    public static PublishedKeyList? Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var list = JsonSerializer.Deserialize<PublishedKeyList>(json, Json);
            return list?.Keys is null || list.Keys.Any(k => k is null || k.Kid is null || k.Alg is null || k.SubjectPublicKeyInfo is null) ? null : list;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
