using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// Reads and writes the risk rules document (docs/decisions/0003-risk-rules-and-selection.md):
/// <c>{ "randomSelectionRate": 0.02, "rules": [ { "id", "kind", "reason", "enabled", "validFrom", "validTo",
/// "source", "flights", "embarkationPoints", "nationalities", "requireManifest" } ] }</c>.
/// Reading never throws on bad input and names every error by JSON path; unknown fields are errors, so a
/// misspelt list is refused rather than silently ignored.
/// </summary>
public static partial class RiskRulesJson
{
    private static readonly string[] RootFields = ["randomSelectionRate", "rules"];

    private static readonly string[] RuleFields =
        ["id", "kind", "reason", "enabled", "validFrom", "validTo", "source", "flights", "embarkationPoints", "nationalities", "requireManifest"];

    public static string KindName(RiskRuleKind kind) => kind switch
    {
        RiskRuleKind.DeclaredNothingOnFlaggedRoute => "declaredNothingOnFlaggedRoute",
        RiskRuleKind.NationalityOnFlight => "nationalityOnFlight",
        RiskRuleKind.NoApisRecord => "noApisRecord",
        RiskRuleKind.DocumentOnWatchlist => "documentOnWatchlist",
        RiskRuleKind.NameOnWatchlist => "nameOnWatchlist",
        RiskRuleKind.DocumentLostOrStolen => "documentLostOrStolen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static RiskRulesRead Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return new RiskRulesRead(null, [new RuleSetError("$", "not valid JSON: " + ex.Message)]);
        }

        using (document)
        {
            var errors = new List<RuleSetError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new RiskRulesRead(null, [new RuleSetError("$", "expected a JSON object")]);
            }

            UnknownFields(root, "$", RootFields, errors);
            double rate = 0;
            if (!root.TryGetProperty("randomSelectionRate", out var rateElement) || !rateElement.TryGetDouble(out rate) || rate < 0 || rate > 1)
            {
                errors.Add(new RuleSetError("$.randomSelectionRate", "required: a number from 0 to 1 (0.02 selects about 2 in 100 travellers)"));
            }

            var rules = new List<RiskRule>();
            if (!root.TryGetProperty("rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RuleSetError("$.rules", "required: an array of rules"));
            }
            else
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var element in rulesElement.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"$.rules[{index++}]");
                    var rule = ReadRule(element, path, errors);
                    var id = element.ValueKind == JsonValueKind.Object ? String(element, "id") : null;
                    if (id is not null && !ids.Add(id))
                    {
                        errors.Add(new RuleSetError(path + ".id", $"duplicate rule id '{id}'"));
                    }
                    else if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
            }

            return errors.Count == 0 ? new RiskRulesRead(new RiskRuleSet(rules, rate), []) : new RiskRulesRead(null, errors);
        }
    }

    /// <summary>The canonical document for a rule set; <see cref="Read"/> of it gives the same rule set back.</summary>
    public static string Write(RiskRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("randomSelectionRate", ruleSet.RandomSelectionRate);
            writer.WriteStartArray("rules");
            foreach (var rule in ruleSet.Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("kind", KindName(rule.Condition.Kind));
                writer.WriteString("reason", rule.Reason);
                writer.WriteBoolean("enabled", rule.Enabled);
                writer.WriteString("validFrom", rule.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (rule.ValidTo is { } to)
                {
                    writer.WriteString("validTo", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNull("validTo");
                }

                writer.WriteString("source", rule.Source);
                WriteList(writer, "flights", rule.Condition.Flights);
                WriteList(writer, "embarkationPoints", rule.Condition.EmbarkationPoints);
                WriteList(writer, "nationalities", rule.Condition.Nationalities);
                if (rule.Condition.Kind == RiskRuleKind.NoApisRecord)
                {
                    writer.WriteBoolean("requireManifest", rule.Condition.RequireManifest);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static RiskRule? ReadRule(JsonElement element, string path, List<RuleSetError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RuleSetError(path, "expected a rule object"));
            return null;
        }

        var before = errors.Count;
        void Error(string field, string message) => errors.Add(new RuleSetError(path + "." + field, message));
        UnknownFields(element, path, RuleFields, errors);

        var id = String(element, "id");
        if (id is null || !RuleId().IsMatch(id))
        {
            Error("id", "required: lower-case letters, digits, '.' and '-' (at most 64), e.g. \"flagged-route-nothing-declared\"");
        }

        RiskRuleKind? kind = String(element, "kind") switch
        {
            "declaredNothingOnFlaggedRoute" => RiskRuleKind.DeclaredNothingOnFlaggedRoute,
            "nationalityOnFlight" => RiskRuleKind.NationalityOnFlight,
            "noApisRecord" => RiskRuleKind.NoApisRecord,
            "documentOnWatchlist" => RiskRuleKind.DocumentOnWatchlist,
            "nameOnWatchlist" => RiskRuleKind.NameOnWatchlist,
            "documentLostOrStolen" => RiskRuleKind.DocumentLostOrStolen,
            _ => null,
        };
        if (kind is null)
        {
            Error("kind", "required: one of " + string.Join(", ", Enum.GetValues<RiskRuleKind>().Select(KindName)));
        }

        var reason = String(element, "reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            Error("reason", "required: the sentence an officer reads when the rule fires");
        }

        var source = String(element, "source");
        if (string.IsNullOrWhiteSpace(source))
        {
            Error("source", "required: who decided the rule and on what basis");
        }

        var enabled = true;
        if (element.TryGetProperty("enabled", out var enabledElement))
        {
            if (enabledElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                enabled = enabledElement.GetBoolean();
            }
            else
            {
                Error("enabled", "must be true or false");
            }
        }

        var validFrom = Date(element, "validFrom", required: true, Error);
        var validTo = Date(element, "validTo", required: false, Error);
        if (validFrom is not null && validTo is not null && validTo < validFrom)
        {
            Error("validTo", "is before validFrom");
        }

        var flights = List(element, "flights", Error, text => FlightNumber.Normalise(text), "a flight designator such as NH110");
        var points = List(element, "embarkationPoints", Error, text => text.Trim().Length > 0 ? text.Trim().ToUpperInvariant() : null, "a non-empty place");
        var nationalities = List(element, "nationalities", Error, Nationality, "an ICAO nationality code (3 letters, or D)");
        var requireManifest = false;
        if (element.TryGetProperty("requireManifest", out var requireElement))
        {
            if (requireElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                requireManifest = requireElement.GetBoolean();
            }
            else
            {
                Error("requireManifest", "must be true or false");
            }
        }

        if (kind is { } k)
        {
            var reads = Reads(k);
            foreach (var field in (string[])["flights", "embarkationPoints", "nationalities", "requireManifest"])
            {
                if (element.TryGetProperty(field, out _) && !reads.Contains(field, StringComparer.Ordinal))
                {
                    Error(field, $"{KindName(k)} does not read {field}" + (reads.Length == 0 ? " (it reads the watchlist only)" : "; it reads " + string.Join(", ", reads)));
                }
            }

            if (k == RiskRuleKind.DeclaredNothingOnFlaggedRoute && flights.Count == 0 && points.Count == 0)
            {
                Error("flights", "declaredNothingOnFlaggedRoute needs flights or embarkationPoints");
            }

            if (k == RiskRuleKind.NationalityOnFlight && (nationalities.Count == 0 || flights.Count == 0))
            {
                Error("nationalities", "nationalityOnFlight needs nationalities and flights");
            }
        }

        if (errors.Count != before)
        {
            return null;
        }

        return new RiskRule
        {
            Id = id!,
            Reason = reason!.Trim(),
            Source = source!.Trim(),
            Enabled = enabled,
            ValidFrom = validFrom!.Value,
            ValidTo = validTo,
            Condition = new RiskCondition
            {
                Kind = kind!.Value,
                Flights = flights,
                EmbarkationPoints = points,
                Nationalities = nationalities,
                RequireManifest = requireManifest,
            },
        };
    }

    /// <summary>The fields each kind reads; any other list on a rule is a mistake worth refusing.</summary>
    private static string[] Reads(RiskRuleKind kind) => kind switch
    {
        RiskRuleKind.DeclaredNothingOnFlaggedRoute => ["flights", "embarkationPoints"],
        RiskRuleKind.NationalityOnFlight => ["flights", "nationalities"],
        RiskRuleKind.NoApisRecord => ["flights", "requireManifest"],
        _ => [],
    };

    private static string? Nationality(string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        return upper.Length is 1 or 3 && upper.All(char.IsAsciiLetterUpper) ? Documents.IcaoCountry.ToAlpha3(upper) : null;
    }

    private static void UnknownFields(JsonElement element, string path, string[] known, List<RuleSetError> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new RuleSetError(path + "." + property.Name, "unknown field; known fields: " + string.Join(", ", known)));
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly? Date(JsonElement element, string name, bool required, Action<string, string> error)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                error(name, "required: a yyyy-MM-dd date");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(name, "must be a yyyy-MM-dd date" + (required ? "" : " or null"));
        return null;
    }

    private static List<string> List(JsonElement element, string name, Action<string, string> error, Func<string, string?> normalise, string expected)
    {
        var values = new List<string>();
        if (!element.TryGetProperty(name, out var array))
        {
            return values;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            error(name, "must be an array of strings");
            return values;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var normalised = item.ValueKind == JsonValueKind.String ? normalise(item.GetString()!) : null;
            if (normalised is null)
            {
                error(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), "expected " + expected);
            }
            else if (!values.Contains(normalised, StringComparer.Ordinal))
            {
                values.Add(normalised);
            }

            i++;
        }

        return values;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
