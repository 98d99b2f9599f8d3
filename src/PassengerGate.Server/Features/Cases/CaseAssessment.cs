using System.Text.Json;
using PassengerGate.Data.Cases;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// The assessment of a case as it stands: made again from the declaration bound to the session, with the same
/// rules and weekly rates as of the arrival date (so it is what the lane used), plus the lines an officer
/// assessed at the general rate. Null when the passenger was referred before a declaration was given.
/// </summary>
public sealed class CaseAssessment(RateStore rates, CaseStore cases)
{
    public sealed record Result(ArrivalAssessment Assessment, IReadOnlyList<CaseStore.LineAssessmentRow> OfficerLines, IReadOnlyList<string> Pending);

    public async Task<Result?> LoadAsync(long caseNumber, string factsJson, CancellationToken ct)
    {
        using var facts = JsonDocument.Parse(factsJson);
        if (!facts.RootElement.TryGetProperty("declaration", out var declaration))
        {
            return null;
        }

        var read = DeclarationJson.Read(declaration.GetProperty("json").GetRawText());
        if (!read.IsValid)
        {
            throw new InvalidOperationException($"the declaration stored for case {caseNumber} no longer reads: {string.Join("; ", read.Errors.Select(e => e.Message))}");
        }

        var asOf = read.Declaration!.Header.ArrivalDate;
        var assessment = ArrivalAssessor.Assess(read.Declaration, ArrivalRuleBook.Japan, await rates.LoadRateTableAsync(asOf, ct), asOf);
        var officerLines = await cases.LoadLineAssessmentsAsync(caseNumber, ct);
        var general = officerLines.Select(l => new GeneralRateLine(l.LinePath, l.CustomsValueYen, l.RatePercent)).ToList();
        return new Result(GeneralRateAssessment.Apply(assessment, general), officerLines, GeneralRateAssessment.Pending(assessment, general));
    }
}
