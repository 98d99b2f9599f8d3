using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Officer;

/// <summary>Officer-console enums travel as camelCase names ("released", "creditCard"), never as numbers, so the
/// pages and the audit read the same words and a reordered enum cannot change a meaning on the wire.</summary>
public sealed class CamelCaseNames<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
