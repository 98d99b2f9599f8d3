using System.Globalization;
using System.Text.Json;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Arrival;
using PassengerGate.Server.Features.Arrival;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// What the officer is told of a pre-declaration reviewed at the kiosk (decision 0020): both versions are written by the
/// one schema writer (<see cref="DeclarationJson.Write"/>), so a part whose text differs is a part the traveller changed.
/// Goods lines are named by the same paths the assessment gives them, so the console can mark the changed rows.
/// </summary>
public static class KioskEdits
{
    public static KioskEditView? View(DeclarationFacts declared, ArrivalDeclaration certified)
    {
        ArgumentNullException.ThrowIfNull(declared);
        if (declared.Edit is not { EditedAtKiosk: true } edit)
        {
            return null;
        }

        var before = edit.PreDeclared is { } qr && DeclarationJson.Read(qr.GetRawText()) is { IsValid: true } read ? read.Declaration : null;
        var changed = before is null ? [] : ChangedParts(before, certified);
        return new KioskEditView(edit.Changed, changed, edit.PreDeclarationId);
    }

    /// <summary>The schema paths whose content differs: "$.goods.&lt;kind&gt;[i]" per goods line, "$.goods.&lt;kind&gt;" for an amount, "$.&lt;section&gt;" otherwise.</summary>
    public static IReadOnlyList<string> ChangedParts(ArrivalDeclaration before, ArrivalDeclaration after)
    {
        using var a = JsonDocument.Parse(DeclarationJson.Write(before));
        using var b = JsonDocument.Parse(DeclarationJson.Write(after));
        var parts = new List<string>();
        foreach (var section in Names(a.RootElement, b.RootElement))
        {
            var x = Property(a.RootElement, section);
            var y = Property(b.RootElement, section);
            if (section == "goods" && x?.ValueKind == JsonValueKind.Object && y?.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(ChangedGoods(x.Value, y.Value));
            }
            else if (!Same(x, y))
            {
                parts.Add("$." + section);
            }
        }

        return parts;
    }

    private static IEnumerable<string> ChangedGoods(JsonElement before, JsonElement after)
    {
        foreach (var kind in Names(before, after))
        {
            var x = Property(before, kind);
            var y = Property(after, kind);
            if (x?.ValueKind == JsonValueKind.Array || y?.ValueKind == JsonValueKind.Array)
            {
                var left = x?.ValueKind == JsonValueKind.Array ? x.Value.EnumerateArray().ToList() : [];
                var right = y?.ValueKind == JsonValueKind.Array ? y.Value.EnumerateArray().ToList() : [];
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    if (!Same(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null))
                    {
                        yield return string.Create(CultureInfo.InvariantCulture, $"$.goods.{kind}[{i}]");
                    }
                }
            }
            else if (!Same(x, y))
            {
                yield return "$.goods." + kind;
            }
        }
    }

    private static IEnumerable<string> Names(JsonElement a, JsonElement b) =>
        a.EnumerateObject().Select(p => p.Name).Concat(b.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal);

    private static JsonElement? Property(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v : null;

    private static bool Same(JsonElement? x, JsonElement? y) =>
        x is { } l && y is { } r ? string.Equals(l.GetRawText(), r.GetRawText(), StringComparison.Ordinal) : x is null && y is null;
}
