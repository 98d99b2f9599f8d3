namespace PassengerGate.Domain.PaymentMeans;

/// <summary>Why a declaration could not be assessed (a missing rate, a missing value), at a JSON path.</summary>
public sealed record CurrencyAssessmentError(string Code, string Path, string Message);
