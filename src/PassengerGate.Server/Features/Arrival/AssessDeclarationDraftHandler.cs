using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Declarations;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The running assessment at the kiosk (decision 0020): the draft is read and assessed by the same
/// <see cref="ArrivalAssessor"/>, rule book and weekly rates as a submitted declaration, as of today at the airport, so
/// the kiosk never carries a second copy of the duty rules. Nothing is stored, no session moves and no risk rule runs:
/// what the traveller sees is the duty arithmetic only, never a lane.
/// </summary>
public sealed class AssessDeclarationDraftHandler(ArrivalRiskScreening screening, DeclarationChecks checks, AirportClock airport, TimeProvider clock)
{
    public async Task<DraftAssessment> HandleAsync(AssessDeclarationDraft request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = airport.DateOf(clock.GetUtcNow());
        var parsed = DeclarationJson.Read(request.DeclarationJson ?? "");
        if (!parsed.IsValid)
        {
            return Refused(today, parsed.Errors.Select(e => new DeclarationFieldError(e.Path, DeclarationFieldProblem.Invalid, e.Message)));
        }

        // Assessed as of the day at the airport, as SubmitDeclarationHandler does (decision 0008).
        var declaration = parsed.Declaration! with { Header = parsed.Declaration!.Header with { ArrivalDate = today } };
        var violations = await checks.CheckAsync(declaration, today, null, ct);
        if (violations.Count > 0)
        {
            return Refused(today, violations.Select(v => new DeclarationFieldError(v.Path, DeclarationChecks.ToContract(v.Rule), v.Message)));
        }

        var assessment = ArrivalAssessor.Assess(declaration, ArrivalRuleBook.Japan, await screening.RatesAsync(today, ct), today);
        return new DraftAssessment(
            today,
            assessment.TotalDuty.Amount,
            assessment.OverAllowance,
            assessment.Incomplete,
            assessment.Lines.Select(ToContract).ToList(),
            []);
    }

    private static DraftAssessment Refused(DateOnly today, IEnumerable<DeclarationFieldError> errors) =>
        new(today, 0m, false, true, [], errors.ToList());

    private static DraftLine ToContract(AssessedLine line) => new(
        line.Path,
        line.Category switch
        {
            GoodsCategory.Alcohol => DraftGoodsCategory.Alcohol,
            GoodsCategory.Cigarettes => DraftGoodsCategory.Cigarettes,
            GoodsCategory.Cigars => DraftGoodsCategory.Cigars,
            GoodsCategory.HeatedTobacco => DraftGoodsCategory.HeatedTobacco,
            GoodsCategory.OtherTobacco => DraftGoodsCategory.OtherTobacco,
            GoodsCategory.Perfume => DraftGoodsCategory.Perfume,
            GoodsCategory.OtherGoods => DraftGoodsCategory.OtherGoods,
            _ => throw new ArgumentOutOfRangeException(nameof(line), line.Category, "a goods category the contract does not name"),
        },
        line.Unit,
        line.Quantity,
        line.FreeQuantity,
        line.DutiableQuantity,
        line.OverseasValueYen,
        line.Duty.Amount,
        line.Outcome switch
        {
            LineOutcome.Free => DraftLineOutcome.Free,
            LineOutcome.LeftOutSmallKind => DraftLineOutcome.LeftOutSmallKind,
            LineOutcome.Dutiable => DraftLineOutcome.Dutiable,
            LineOutcome.ReferredToOfficer => DraftLineOutcome.ReferredToOfficer,
            LineOutcome.NotAssessed => DraftLineOutcome.NotAssessed,
            _ => throw new ArgumentOutOfRangeException(nameof(line), line.Outcome, "an outcome the contract does not name"),
        });
}
