namespace PassengerGate.Domain.TaxFree;

/// <summary>The result of inspecting one record in the red lane.</summary>
public sealed record InspectionOutcome(TaxFreeRegime Regime, bool Confirmed, bool Refused, IReadOnlyList<ItemTaxAssessment> Assessments)
{
    public long TaxAssessed => Assessments.Sum(a => a.Tax);
}

/// <summary>Consumption tax assessed on one item not carried out (exemption regime).</summary>
public sealed record ItemTaxAssessment(int ItemIndex, string Description, long TaxBase, int RatePercent, long Tax);
