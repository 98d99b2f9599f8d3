using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.TaxFree;

/// <summary>
/// The body delivered to a shop's webhook: one final result for one record. <see cref="EventId"/> is the idempotency
/// key: a shop that sees it twice has seen the same result twice (docs/decisions/0021).
/// Headers: <c>X-PassengerGate-Timestamp</c> (Unix seconds) and <c>X-PassengerGate-Signature</c>
/// (<c>sha256=</c> hex HMAC-SHA256 with the shop's webhook secret over <c>TIMESTAMP + "." + body</c>).
/// </summary>
public sealed record TaxFreeConfirmationEvent(
    Guid EventId,
    string RecordId,
    TaxFreeRecordState Result,
    IReadOnlyList<TaxFreeReasonCode> Reasons,
    DateTimeOffset DecidedAt);

public static class TaxFreeWebhookHeaders
{
    public const string Timestamp = "X-PassengerGate-Timestamp";
    public const string Signature = "X-PassengerGate-Signature";
    public const string EventId = "X-PassengerGate-Event";
}
