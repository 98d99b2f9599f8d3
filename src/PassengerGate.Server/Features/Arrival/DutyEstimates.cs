using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>The slip's duty estimate from the assessment the lane used: null when nothing is owed and no line waits for an officer.</summary>
public static class DutyEstimates
{
    public static DutyEstimate? For(ArrivalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var lines = assessment.Lines
            .Where(l => l.Outcome is LineOutcome.Dutiable or LineOutcome.ReferredToOfficer || l.Duty.Amount > 0m)
            .Select(l => new DutyEstimateLine(
                l.Path, AssessDeclarationDraftHandler.CategoryOf(l), l.Description,
                l.DutiableQuantity > 0m ? l.DutiableQuantity : l.Quantity, l.Unit, l.Duty.Amount, AssessDeclarationDraftHandler.OutcomeOf(l)))
            .ToList();
        return lines.Count == 0 && assessment.TotalDuty.Amount == 0m ? null : new DutyEstimate(assessment.TotalDuty.Amount, assessment.Incomplete, lines);
    }
}
