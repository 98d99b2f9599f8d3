using System.Security.Claims;
using System.Globalization;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Cases;
using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Features.Referrals;

namespace PassengerGate.Server.Features.Cases;

/// <summary>
/// The case view: what the service established for the session (stored as facts: document, face, declaration,
/// risk; never an image), each goods line with the reason for its outcome, the officer's line assessments and
/// the payment. Any officer of the airport may look; acting on the case needs its claim.
/// </summary>
public sealed class ShowCase(CaseAccess access, CaseStore cases, CaseAssessment assessments)
{
    public async Task<CaseView> HandleAsync(long caseNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await access.LoadAsync(caseNumber, user, ct);
        return await ViewAsync(row, ct);
    }

    public async Task<CaseView> ViewAsync(CaseStore.CaseRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var facts = ArrivalSessionFacts.Read(row.Facts);
        var assessed = await assessments.LoadAsync(row.CaseNumber, facts, ct);
        var payment = await cases.LoadPaymentAsync(row.CaseNumber, ct);
        var referral = ReferralNotifier.ToNotice(new ArrivalSessionStore.ReferralRow(row.CaseNumber, row.SessionId, row.KioskId, row.RaisedAt, row.DocumentNumber, row.HolderName, row.Reasons));

        DeclarationView? declaration = null;
        if (assessed is not null && facts.Declaration is { } declared && declared.Read() is { } bound)
        {
            var header = bound.Header;
            declaration = new DeclarationView(
                header.FlightOrVessel,
                header.ArrivalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                header.Name,
                assessed.Assessment.TotalDuty.Amount,
                assessed.Assessment.Lines.Select(l => new DeclaredLine(
                    l.Path, l.Description, l.Category.ToString(), l.Quantity, l.Unit, l.OverseasValueYen, l.Duty.Amount, l.Outcome.ToString(), l.Reason)).ToList())
            {
                EditedAtKiosk = KioskEdits.View(declared, bound),
            };
        }

        return new CaseView(
            referral,
            row.ClaimedBy,
            Document(facts.Document),
            Face(facts.Face),
            declaration,
            Risk(facts.Risk),
            assessed?.OfficerLines.Select(l => new OfficerLineAssessment(l.LinePath, l.CustomsValueYen, l.RatePercent, l.DutyYen, l.Officer, new DateTimeOffset(l.AssessedAt, TimeSpan.Zero))).ToList() ?? [],
            payment is null ? null : new PaymentRecord(payment.AmountYen, Enum.Parse<PaymentMethod>(payment.Method, ignoreCase: true), new DateTimeOffset(payment.PaidAt, TimeSpan.Zero), payment.Officer),
            assessed?.Assessment.TotalDuty.Amount ?? 0m);
    }

    private static DocumentResult? Document(DocumentFacts? d) =>
        d is null
            ? null
            : new DocumentResult(
                d.MrzLines ?? [], d.Format, d.IssuingState, d.Nationality, Date(d.DateOfBirth), Date(d.ExpiryDate), d.Sex,
                d.Chip, d.PassiveAuthentication, ActiveAuthenticationPassed(d.ActiveAuthentication))
            {
                ChipAuthentication = d.ChipAuthentication,
            };

    private static FaceCheckResult? Face(FaceFacts? f) =>
        f is null ? null : new FaceCheckResult(f.Score, f.ServiceThreshold ?? f.KioskThreshold, f.QualityOk, f.Real, f.Live, f.FramesUsed);

    private static RiskView? Risk(DeclarationRiskFacts? r) =>
        r is null ? null : new RiskView(r.Hits?.Select(h => h.ToString()).ToList() ?? [], r.Selected, r.Draw, r.Rate);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The console's yes/no for active authentication: checked and valid, or checked and failed; null when the chip offers none (no DG15).</summary>
    private static bool? ActiveAuthenticationPassed(string? verdict) => verdict switch
    {
        nameof(ActiveAuthenticationVerdict.Valid) => true,
        nameof(ActiveAuthenticationVerdict.Missing) or nameof(ActiveAuthenticationVerdict.Failed) => false,
        _ => null,
    };
}
