namespace PassengerGate.Domain.PaymentMeans;

/// <summary>The assessment, or every reason it could not be made (never a guess).</summary>
public sealed record CurrencyAssessmentResult(CurrencyAssessment? Assessment, IReadOnlyList<CurrencyAssessmentError> Errors)
{
    public bool Succeeded => Assessment is not null && Errors.Count == 0;
}
