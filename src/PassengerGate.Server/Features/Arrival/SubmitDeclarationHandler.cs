using System.Text.Json;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.Sessions;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Declarations;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The passenger's declaration arrives (a pre-declaration QR or the kiosk's form). It must be valid
/// and for the passport this session verified; it is bound to the session, assessed against the
/// allowances and simplified duty rates as of the day the traveller is at the airport (never the typed date,
/// never the UTC date: <see cref="AirportClock"/>), screened by the risk rules and the random selection (drawn on
/// document, flight and day), joined with what the document step's screen found, and the lane follows: green
/// only when nothing at all speaks against it; otherwise red with every reason.
/// A declaration typed for yesterday or tomorrow is re-dated to today; one for another day is referred
/// (<see cref="ReferralCodes.ArrivalDateMismatch"/>; decision 0008).
/// A QR or form the service cannot accept leaves the session as it was, with the problem in plain
/// words and each refused field (<see cref="DeclarationFieldError"/>), so the passenger can scan again or correct the
/// form at the kiosk. Both are checked like the phone page's (<see cref="DeclarationChecks"/>, decision 0017); a form's
/// arrival date must be within <see cref="DeclarationRulesOptions.KioskArrivalDays"/> of today, while a QR's is bounded by
/// its own validity (the end of its arrival day) and a QR for another day is referred as before.
/// </summary>
public sealed class SubmitDeclarationHandler(
    ArrivalSessionRunner runner,
    ArrivalSessionStore sessions,
    PreDeclarationReader preDeclarations,
    ArrivalRiskScreening screening,
    DeclarationChecks declarationChecks,
    AirportClock airport)
{
    public Task<SessionUpdate> HandleAsync(string kioskId, SubmitDeclaration request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "declaration", (session, now, token) => DecideAsync(session, request, now, token), ct);
    }

    private async Task<StepOutcome> DecideAsync(ArrivalSession session, SubmitDeclaration request, DateTimeOffset now, CancellationToken ct)
    {
        if (session.State != ArrivalState.FaceVerified)
        {
            return new StepOutcome { Problem = new Reason("OUT_OF_ORDER", $"A declaration is not expected now (session is {session.State}).") };
        }

        string json;
        string source;
        if (request.QrText is { Length: > 0 } qr)
        {
            var read = await preDeclarations.ReadAsync(qr, now, ct);
            if (read.Problem is not null)
            {
                return new StepOutcome { Problem = read.Problem };
            }

            json = read.DeclarationJson!;
            source = "pre-declaration";
        }
        else if (request.DeclarationJson is { Length: > 0 } form)
        {
            json = form;
            source = "kiosk";
        }
        else
        {
            return new StepOutcome { Problem = new Reason("DECLARATION_MISSING", "No declaration was given: scan the QR code or fill in the form.") };
        }

        return await DecideJsonAsync(session, json, source, source == "kiosk" ? declarationChecks.KioskWindow : null, null, now, ct);
    }

    /// <summary>
    /// Decides a declaration already taken from its QR or form: validated, bound to the session's passport, assessed and
    /// screened. <paramref name="edit"/> is kept beside it in the facts (a pre-declaration edited at the kiosk, decision 0020).
    /// </summary>
    internal async Task<StepOutcome> DecideJsonAsync(ArrivalSession session, string json, string source, ArrivalDateWindow? window, object? edit, DateTimeOffset now, CancellationToken ct)
    {
        var parsed = DeclarationJson.Read(json);
        if (!parsed.IsValid)
        {
            var detail = string.Join("; ", parsed.Errors.Take(5).Select(e => $"{e.Path}: {e.Message}"));
            return new StepOutcome
            {
                Problem = new Reason(DeclarationInvalid, $"The declaration cannot be accepted: {detail}."),
                FieldErrors = parsed.Errors.Select(e => new DeclarationFieldError(e.Path, DeclarationFieldProblem.Invalid, e.Message)).ToList(),
            };
        }

        var declaration = parsed.Declaration!;
        var violations = await declarationChecks.CheckAsync(declaration, airport.DateOf(now), window, ct);
        if (violations.Count > 0)
        {
            var detail = string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}"));
            return new StepOutcome
            {
                Problem = new Reason(DeclarationInvalid, $"The declaration cannot be accepted: {detail}."),
                FieldErrors = violations.Select(v => new DeclarationFieldError(v.Path, DeclarationChecks.ToContract(v.Rule), v.Message)).ToList(),
            };
        }
        var documentNumber = await sessions.LoadDocumentNumberAsync(session.Id, ct);
        if (documentNumber is null || !string.Equals(Normalise(declaration.Header.PassportNumber), Normalise(documentNumber), StringComparison.Ordinal))
        {
            return new StepOutcome { Problem = new Reason("DECLARATION_OTHER_PASSPORT", "This declaration was made for another passport. Scan your own code, or fill in the form here.") };
        }

        session.BindDeclaration($"kiosk:{session.KioskId}", now);
        var today = airport.DateOf(now);
        var declaredDate = declaration.Header.ArrivalDate;
        var dayGap = Math.Abs(declaredDate.DayNumber - today.DayNumber);
        var extraReasons = new List<SessionReason>();
        if (dayGap > MaxRedatedDays)
        {
            extraReasons.Add(new SessionReason(ReferralCodes.ArrivalDateMismatch, "The declared arrival date is not today at this airport."));
        }

        // Assessed and screened as of the day at the airport, whatever day was typed (decision 0008).
        declaration = declaration with { Header = declaration.Header with { ArrivalDate = today } };
        var assessment = ArrivalAssessor.Assess(declaration, ArrivalRuleBook.Japan, await screening.RatesAsync(today, ct), today);
        var factsJson = await sessions.LoadFactsAsync(session.Id, ct);
        var facts = JsonDocument.Parse(factsJson ?? "{}").RootElement;
        var carried = CarriedRisk.Read(factsJson);
        var mrzLines = facts.GetProperty("document").GetProperty("mrzLines").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        var mrz = MrzParser.Parse(mrzLines, today);
        var risk = await screening.RunAsync(mrz, declaration, assessment, today, ct);
        var hits = risk.Screen is null ? null : CarriedRisk.Union(carried.Hits, risk.Screen.Hits);
        var checks = risk.ApplyTo(new GateChecks
        {
            // Each of these was established by an earlier step: the session could not be here otherwise.
            DocumentVerified = true,
            IsChipPassport = true,
            FaceMatched = true,
            LivenessPassed = true,
            ChildBelowHeight = false,
        }) with { RiskHits = hits?.Select(h => h.ToString()).ToList() };
        var decision = LaneDecision.For(checks, assessment);
        var reasons = decision.Reasons.Select(r => new SessionReason(r.Code, r.Text))
            .Concat(carried.Reasons.Where(r => r.Code != ReferralCodes.RiskHit))
            .Concat(extraReasons)
            .ToList();
        if (reasons.Count == 0)
        {
            session.Release("service:lane-decision", now);
        }
        else
        {
            session.Refer(reasons, "service:lane-decision", now);
        }

        return new StepOutcome
        {
            Reasons = reasons,
            CurrencyDeclarationExpected = declaration.Answers.PaymentMeansOverThreshold,
            Facts = new Dictionary<string, object?>
            {
                ["declaration"] = edit is null
                    ? new { source, json = JsonDocument.Parse(json).RootElement }
                    : new { source, json = JsonDocument.Parse(json).RootElement, edit },
                ["assessment"] = new
                {
                    asOf = assessment.AsOf,
                    totalDutyYen = assessment.TotalDuty.Amount,
                    assessment.OverAllowance,
                    assessment.Incomplete,
                    lines = assessment.Lines,
                    assessment.RulesApplied,
                },
                ["arrivalDate"] = new { declared = declaredDate, assessedAs = today, redated = declaredDate != today },
                ["risk"] = new
                {
                    rulesEvaluated = risk.Screen?.RulesEvaluated,
                    hits,
                    seedId = risk.Draw?.SeedId,
                    subject = risk.Draw?.Subject,
                    draw = risk.Draw?.Value,
                    rate = risk.Draw?.Rate,
                    selected = risk.Draw?.Selected,
                },
            },
        };
    }

    /// <summary>The problem code of a declaration the service cannot accept; the fields say why.</summary>
    public const string DeclarationInvalid = "DECLARATION_INVALID";

    /// <summary>Yesterday or tomorrow is re-dated to today: overnight flights, the date line, a QR made the evening before (decision 0008).</summary>
    private const int MaxRedatedDays = 1;

    private static string Normalise(string number) => number.Replace("<", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
