using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PassengerGate.Domain.TaxFree;

/// <summary>
/// The answer stored with a record when it is submitted (by the API or by `pgate taxfree import`) and given again for
/// a repeat: the JSON form of PassengerGate.Contracts.TaxFree.TaxFreeRecordAnswer, written here so that both writers
/// store the same bytes.
/// </summary>
public static class EligibilityAnswer
{
    public static string State(IReadOnlyList<TaxFreeReason> reasons) => reasons.Count == 0 ? "open" : "ineligible";

    public static string Json(PurchaseRecord record, IReadOnlyList<TaxFreeReason> reasons, TimeZoneInfo japan)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(reasons);
        var regime = TaxFreeRules.RegimeOf(record.PurchasedAt, japan);
        var day = TaxFreeRules.PurchaseDay(record.PurchasedAt, japan);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("recordId", record.RecordId);
            w.WriteString("state", State(reasons));
            w.WriteString("regime", regime == TaxFreeRegime.Refund ? "refund" : "exemption");
            w.WriteString("purchaseDay", Day(day));
            if (regime == TaxFreeRegime.Refund)
            {
                w.WriteString("lastConfirmableDay", Day(TaxFreeRules.LastConfirmableDay(day)));
            }
            else
            {
                w.WriteNull("lastConfirmableDay");
            }

            w.WriteStartArray("reasons");
            foreach (var reason in reasons)
            {
                w.WriteStringValue(Name(reason));
            }

            w.WriteEndArray();
            w.WriteNull("decidedAt");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The reason's camelCase wire name ("belowFloor").</summary>
    public static string Name(TaxFreeReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
