using System.Globalization;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Arrival;

/// <summary>An officer's general-rate assessment of one line: the customs value they established and the rate they applied.</summary>
public sealed record GeneralRateLine(string Path, decimal CustomsValueYen, decimal RatePercent);

/// <summary>
/// Lines the simplified rates cannot take (LineOutcome.ReferredToOfficer, e.g. one article over ¥100,000, DOMAIN.md
/// "Duty") are assessed by an officer at the general rate: the officer enters the customs value and the rate from the
/// tariff; the duty is value × rate, in whole yen rounded down (a fraction of a yen is never collected). Kept this
/// simple on purpose: the tariff lookup, consumption tax split and statutory rounding steps are the officer's.
/// </summary>
public static class GeneralRateAssessment
{
    public static decimal Duty(decimal customsValueYen, decimal ratePercent)
    {
        if (customsValueYen < 0 || ratePercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePercent), "customs value must be ≥ 0 and the rate between 0 and 100 %");
        }

        return decimal.Floor(customsValueYen * ratePercent / 100m);
    }

    /// <summary>The assessment with each officer-assessed line carrying its customs value, rate and duty, and the total
    /// including them. A line not referred to an officer is never changed; a referred line not yet assessed stays as it is.</summary>
    public static ArrivalAssessment Apply(ArrivalAssessment assessment, IReadOnlyList<GeneralRateLine> officerLines)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(officerLines);
        var lines = assessment.Lines.Select(line =>
        {
            var officer = officerLines.FirstOrDefault(o => o.Path == line.Path);
            return officer is null || line.Outcome != LineOutcome.ReferredToOfficer
                ? line
                : line with
                {
                    CustomsValueYen = officer.CustomsValueYen,
                    RateApplied = string.Create(CultureInfo.InvariantCulture, $"{officer.RatePercent:0.##} % of customs value (general rate)"),
                    Duty = Money.Yen(Duty(officer.CustomsValueYen, officer.RatePercent)),
                };
        }).ToList();
        return assessment with { Lines = lines, TotalDuty = Money.Yen(lines.Sum(l => l.Duty.Amount)) };
    }

    /// <summary>Paths of the lines an officer must assess before duty can be settled.</summary>
    public static IReadOnlyList<string> Pending(ArrivalAssessment assessment, IReadOnlyList<GeneralRateLine> officerLines)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(officerLines);
        return assessment.Lines.Where(l => l.Outcome == LineOutcome.ReferredToOfficer && officerLines.All(o => o.Path != l.Path)).Select(l => l.Path).ToList();
    }
}
