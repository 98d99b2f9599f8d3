namespace PassengerGate.Documents.DutyNotices;

/// <summary>A payment of duty received at the customs counter: whole yen, how it was paid and when (printed with the offset it carries).</summary>
public sealed record DutyPayment(decimal AmountYen, PaymentMethod Method, DateTimeOffset PaidAt);
