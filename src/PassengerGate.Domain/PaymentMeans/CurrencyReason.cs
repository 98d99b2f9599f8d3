namespace PassengerGate.Domain.PaymentMeans;

/// <summary>One reason in a currency assessment: a stable code and a sentence for staff.</summary>
public sealed record CurrencyReason(string Code, string Text);
