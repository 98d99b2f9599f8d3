using System.Security.Claims;
using System.Text.Json;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Cases;
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
        using var facts = JsonDocument.Parse(row.Facts);
        var root = facts.RootElement;
        var assessed = await assessments.LoadAsync(row.CaseNumber, row.Facts, ct);
        var payment = await cases.LoadPaymentAsync(row.CaseNumber, ct);
        var referral = ReferralNotifier.ToNotice(new ArrivalSessionStore.ReferralRow(row.CaseNumber, row.SessionId, row.KioskId, row.RaisedAt, row.DocumentNumber, row.HolderName, row.Reasons));

        DeclarationView? declaration = null;
        if (assessed is not null && root.TryGetProperty("declaration", out var declared))
        {
            var header = declared.GetProperty("json").GetProperty("header");
            declaration = new DeclarationView(
                Text(header, "flightOrVessel"),
                Text(header, "arrivalDate"),
                Text(header, "name"),
                assessed.Assessment.TotalDuty.Amount,
                assessed.Assessment.Lines.Select(l => new DeclaredLine(
                    l.Path, l.Description, l.Category.ToString(), l.Quantity, l.Unit, l.OverseasValueYen, l.Duty.Amount, l.Outcome.ToString(), l.Reason)).ToList());
        }

        return new CaseView(
            referral,
            row.ClaimedBy,
            Document(root),
            Face(root),
            declaration,
            Risk(root),
            assessed?.OfficerLines.Select(l => new OfficerLineAssessment(l.LinePath, l.CustomsValueYen, l.RatePercent, l.DutyYen, l.Officer, new DateTimeOffset(l.AssessedAt, TimeSpan.Zero))).ToList() ?? [],
            payment is null ? null : new PaymentRecord(payment.AmountYen, Enum.Parse<PaymentMethod>(payment.Method, ignoreCase: true), new DateTimeOffset(payment.PaidAt, TimeSpan.Zero), payment.Officer),
            assessed?.Assessment.TotalDuty.Amount ?? 0m);
    }

    private static DocumentResult? Document(JsonElement root) =>
        root.TryGetProperty("document", out var d) && d.ValueKind == JsonValueKind.Object
            ? new DocumentResult(
                d.TryGetProperty("mrzLines", out var lines) && lines.ValueKind == JsonValueKind.Array ? lines.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [],
                Text(d, "format"), Text(d, "issuingState"), Text(d, "nationality"), Text(d, "dateOfBirth"), Text(d, "expiryDate"), Text(d, "sex"),
                Text(d, "chip"), Text(d, "passiveAuthentication"), Bool(d, "activeAuthentication"))
                {
                    ChipAuthentication = Text(d, "chipAuthentication"),
                }
            : null;

    private static FaceCheckResult? Face(JsonElement root) =>
        root.TryGetProperty("face", out var f) && f.ValueKind == JsonValueKind.Object
            ? new FaceCheckResult(Number(f, "score"), Number(f, "serviceThreshold") ?? Number(f, "kioskThreshold"), Bool(f, "qualityOk"), Bool(f, "real"), Bool(f, "live"), Number(f, "framesUsed") is { } n ? (int)n : null)
            : null;

    private static RiskView? Risk(JsonElement root) =>
        root.TryGetProperty("risk", out var r) && r.ValueKind == JsonValueKind.Object
            ? new RiskView(
                r.TryGetProperty("hits", out var hits) && hits.ValueKind == JsonValueKind.Array ? hits.EnumerateArray().Select(e => e.ToString()).ToList() : [],
                Bool(r, "selected"), Number(r, "draw"), Number(r, "rate"))
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
