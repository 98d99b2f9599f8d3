using System.Text.Json;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Arrival;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The passenger's declaration arrives (a pre-declaration QR or the kiosk's form). It must be valid
/// and for the passport this session verified; it is bound to the session, assessed against the
/// allowances and simplified duty rates as of the arrival date, screened by the risk rules and the
/// random selection, and the lane follows: green only when nothing at all speaks against it;
/// otherwise red with every reason.
/// A QR or form the service cannot accept leaves the session as it was, with the problem in plain
/// words, so the passenger can scan again or fill the form at the kiosk.
/// </summary>
public sealed class SubmitDeclarationHandler(
    ArrivalSessionRunner runner,
    ArrivalSessionStore sessions,
    PreDeclarationReader preDeclarations,
    ArrivalRiskCheck risk,
    RateTableSource rates)
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

        var parsed = DeclarationJson.Read(json);
        if (!parsed.IsValid)
        {
            var detail = string.Join("; ", parsed.Errors.Take(5).Select(e => $"{e.Path}: {e.Message}"));
            return new StepOutcome { Problem = new Reason("DECLARATION_INVALID", $"The declaration cannot be accepted: {detail}.") };
        }

        var declaration = parsed.Declaration!;
        var documentNumber = await sessions.LoadDocumentNumberAsync(session.Id, ct);
        if (documentNumber is null || !string.Equals(Normalise(declaration.Header.PassportNumber), Normalise(documentNumber), StringComparison.Ordinal))
        {
            return new StepOutcome { Problem = new Reason("DECLARATION_OTHER_PASSPORT", "This declaration was made for another passport. Scan your own code, or fill in the form here.") };
        }

        session.BindDeclaration($"kiosk:{session.KioskId}", now);
        var asOf = declaration.Header.ArrivalDate;
        var assessment = ArrivalAssessor.Assess(declaration, ArrivalRuleBook.Japan, rates.Current, asOf);
        var screening = await risk.EvaluateAsync(session, declaration, assessment, now, ct);
        var checks = new GateChecks
        {
            // Each of these was established by an earlier step: the session could not be here otherwise.
            DocumentVerified = true,
            IsChipPassport = true,
            FaceMatched = true,
            LivenessPassed = true,
            ChildBelowHeight = false,
            RiskHits = screening.Hits,
            RandomlySelected = screening.RandomlySelected,
        };
        var decision = LaneDecision.For(checks, assessment);
        var reasons = decision.Reasons.Select(r => new SessionReason(r.Code, r.Text)).ToList();
        if (decision.Lane == Lane.Green)
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
            Facts = new Dictionary<string, object?>
            {
                ["declaration"] = new { source, json = JsonDocument.Parse(json).RootElement },
                ["assessment"] = new
                {
                    asOf = assessment.AsOf,
                    totalDutyYen = assessment.TotalDuty.Amount,
                    assessment.OverAllowance,
                    assessment.Incomplete,
                    lines = assessment.Lines,
                    assessment.RulesApplied,
                },
                ["risk"] = screening.Facts,
            },
        };
    }

    private static string Normalise(string number) => number.Replace("<", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
