using System.Security.Cryptography;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Sessions;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk sends the MRZ it read and the chip's files. The service checks them itself: the MRZ's
/// check digits, then passive authentication of the chip data against its own CSCA trust list
/// (DG1 must equal the printed MRZ), the DG2 hash the kiosk reports against the one signed in
/// EF.SOD (the portrait itself never leaves the kiosk), and active authentication whenever the
/// signed EF.SOD lists DG15, re-verified here (<see cref="ChipAuthenticityCheck"/>), and chip authentication
/// whenever the signed EF.SOD lists DG14 and DG14 offers a CA key, checked under the keys the service agreed
/// (decision 0014). Any failure refers the passenger with its own reason code; AA and CA failures both reach the officer.
/// The risk screen runs here too, as soon as the MRZ is read (watchlists, lost/stolen documents, advance passenger
/// data, an earlier referral of the same document): its findings are recorded and carried into whatever referral
/// ends the session, this step's own included (decision 0008). Days are the airport's (<see cref="AirportClock"/>).
/// Reason texts carry codes and field names only; dates and list details are kept in the facts.
/// </summary>
public sealed class SubmitDocumentHandler(ArrivalSessionRunner runner, TrustListProvider trustList, ArrivalRiskScreening screening, AirportClock airport, ChipAuthenticityCheck chipAuthenticity, LivenessChallenges livenessChallenges)
{
    public Task<SessionUpdate> HandleAsync(string kioskId, SubmitDocument request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "document", (session, now, token) => DecideAsync(session, request, now, token), ct);
    }

    private async Task<StepOutcome> DecideAsync(ArrivalSession session, SubmitDocument request, DateTimeOffset now, CancellationToken ct)
    {
        var today = airport.DateOf(now);
        var mrz = MrzParser.Parse(request.MrzLines ?? [], today);
        var name = $"{mrz.Surname} {mrz.GivenNames}".Trim();
        var identity = new StepOutcome
        {
            DocumentNumber = string.IsNullOrEmpty(mrz.DocumentNumber) ? null : mrz.DocumentNumber,
            HolderName = name.Length == 0 ? null : name,
        };

        // Before any document check can end the session: a stolen passport with a failing chip must still carry the hit.
        var risk = await screening.ScreenDocumentAsync(session.Id, mrz, today, now, ct);
        if (!mrz.IsValid)
        {
            var reasons = mrz.Errors.Select(e => new SessionReason(
                e.Message.Contains("check digit", StringComparison.OrdinalIgnoreCase) ? "MRZ_CHECK_DIGIT" : "MRZ_UNREADABLE",
                $"The passport's machine-readable zone failed a check: {e.Field}.")).DistinctBy(r => r.Text, StringComparer.Ordinal).Concat(risk.Reasons).ToList();
            session.Refer(reasons, "service:document-check", now);
            return identity with { Reasons = reasons, Facts = Facts(request, mrz, null, "MRZ_INVALID", risk) with { MrzErrors = mrz.Errors } };
        }

        if (mrz.ExpiryDate is { } expiry && expiry < today)
        {
            return Refer(session, now, identity, request, mrz, risk, "DOCUMENT_EXPIRED", "The passport has expired.", "EXPIRED");
        }

        session.AcceptDocument($"kiosk:{session.KioskId}", now);
        var chip = request.Chip;
        if (chip is null)
        {
            return Refer(session, now, identity, request, mrz, risk, "DOCUMENT_NOT_CHIP", "Not an IC (chip) passport: not eligible for the e-gate.", "NO_CHIP");
        }

        if (chip.Failure is not null)
        {
            return Refer(session, now, identity, request, mrz, risk, "CHIP_READ_FAILED", "The passport chip could not be read.", "CHIP_READ_FAILED", chip.Failure);
        }

        var chipChallenge = await chipAuthenticity.ChallengeAsync(request.SessionId, ct);
        var opticalMrz = string.Join('\n', request.MrzLines!);
        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(chip.Sod, chip.DataGroups, opticalMrz, now), trustList.Current);
        if (!result.IsValid)
        {
            return Refer(session, now, identity, request, mrz, risk, $"PA_{result.Code}", $"The passport chip failed passive authentication ({result.Code}{(result.DataGroup is { } dg ? $", DG{dg}" : "")}).", result.Code, result.Detail);
        }

        // DG2 stays on the kiosk; its hash must be the one the issuer signed.
        var lso = DocumentSecurityObject.Parse(chip.Sod).SecurityObject;
        if (!lso.DataGroupHashes.TryGetValue(2, out var signedDg2) || chip.Dg2Hash is null || !CryptographicOperations.FixedTimeEquals(signedDg2, chip.Dg2Hash))
        {
            return Refer(session, now, identity, request, mrz, risk, "PA_DG_HASH_MISMATCH", "The passport chip failed passive authentication (DG_HASH_MISMATCH, DG2): the portrait does not hash to the value signed in the chip's security object.", "DG2_HASH_MISMATCH");
        }

        var (activeAuthentication, cloned) = ChipAuthenticityCheck.Check(lso, chip, chipChallenge);
        var (chipAuthentication, notGenuine) = ChipAuthenticityCheck.CheckChipAuthentication(lso, chip, await chipAuthenticity.ChipAuthenticationKeysAsync(request.SessionId, ct));
        SessionReason[] chipReasons = [.. new[] { cloned, notGenuine }.OfType<SessionReason>()];
        if (chipReasons.Length > 0)
        {
            return Refer(session, now, identity, request, mrz, risk, chipReasons, "OK", null, activeAuthentication.Verdict.ToString(), chipAuthentication.Verdict.ToString());
        }

        session.VerifyDocument("service:passive-authentication", now);
        var challenge = livenessChallenges.Next();
        var verified = Facts(request, mrz, chip, result.Code, risk, activeAuthentication.Verdict.ToString(), chipAuthentication.Verdict.ToString()) with { LivenessChallenge = challenge };

        return identity with { Facts = verified, Liveness = challenge };
    }

    private static StepOutcome Refer(ArrivalSession session, DateTimeOffset now, StepOutcome identity, SubmitDocument request, MrzResult mrz, CarriedRisk risk, string code, string text, string paCode, string? detail = null) =>
        Refer(session, now, identity, request, mrz, risk, [new(code, text)], paCode, detail, null, null);

    private static StepOutcome Refer(ArrivalSession session, DateTimeOffset now, StepOutcome identity, SubmitDocument request, MrzResult mrz, CarriedRisk risk, IReadOnlyList<SessionReason> own, string paCode, string? detail, string? activeAuthentication, string? chipAuthentication)
    {
        SessionReason[] reasons = [.. own, .. risk.Reasons];
        session.Refer(reasons, "service:document-check", now);
        return identity with { Reasons = reasons, Facts = Facts(request, mrz, request.Chip, paCode, risk, activeAuthentication, chipAuthentication) with { DocumentCheckDetail = detail } };
    }

    /// <summary>What the later steps and the officer need: the MRZ (for the risk rules), the verification results and the risk screen's findings. No image.</summary>
    private static ArrivalSessionFacts Facts(SubmitDocument request, MrzResult mrz, ChipReading? chip, string passiveAuthentication, CarriedRisk risk, string? activeAuthentication = null, string? chipAuthentication = null) => new()
    {
        Document = new DocumentFacts(
            request.MrzLines, mrz.Format, mrz.IssuingState, mrz.Nationality, mrz.DateOfBirth, mrz.ExpiryDate, mrz.Sex,
            chip?.Protocol, passiveAuthentication, activeAuthentication, chipAuthentication),
        DocumentRisk = risk.ToFacts(),
    };
}
