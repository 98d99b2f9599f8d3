using System.Security.Cryptography;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.Sessions;
using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The kiosk sends the MRZ it read and the chip's files. The service checks them itself: the MRZ's
/// check digits, then passive authentication of the chip data against its own CSCA trust list
/// (DG1 must equal the printed MRZ), the DG2 hash the kiosk reports against the one signed in
/// EF.SOD (the portrait itself never leaves the kiosk), and active authentication where the chip
/// offers it. Any failure refers the passenger with its own reason code.
/// </summary>
public sealed class SubmitDocumentHandler(ArrivalSessionRunner runner, TrustListProvider trustList, LivenessChallenges livenessChallenges)
{
    public Task<SessionUpdate> HandleAsync(string kioskId, SubmitDocument request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "document", (session, now, _) => Task.FromResult(Decide(session, request, now)), ct);
    }

    private StepOutcome Decide(ArrivalSession session, SubmitDocument request, DateTimeOffset now)
    {
        var mrz = MrzParser.Parse(request.MrzLines ?? [], DateOnly.FromDateTime(now.UtcDateTime));
        var name = $"{mrz.Surname} {mrz.GivenNames}".Trim();
        var identity = new StepOutcome
        {
            DocumentNumber = string.IsNullOrEmpty(mrz.DocumentNumber) ? null : mrz.DocumentNumber,
            HolderName = name.Length == 0 ? null : name,
        };
        if (!mrz.IsValid)
        {
            var reasons = mrz.Errors.Select(e => new SessionReason(
                e.Message.Contains("check digit", StringComparison.OrdinalIgnoreCase) ? "MRZ_CHECK_DIGIT" : "MRZ_UNREADABLE",
                $"The passport's machine-readable zone failed a check: {e.Field} — {e.Message}.")).ToList();
            session.Refer(reasons, "service:document-check", now);
            return identity with { Reasons = reasons, Facts = Facts(request, mrz, null, "MRZ_INVALID") };
        }

        if (mrz.ExpiryDate is { } expiry && expiry < DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Refer(session, now, identity, request, mrz, "DOCUMENT_EXPIRED", $"The passport expired on {expiry:yyyy-MM-dd}.", "EXPIRED");
        }

        session.AcceptDocument($"kiosk:{session.KioskId}", now);
        var chip = request.Chip;
        if (chip is null)
        {
            return Refer(session, now, identity, request, mrz, "DOCUMENT_NOT_CHIP", "Not an IC (chip) passport: not eligible for the e-gate.", "NO_CHIP");
        }

        if (chip.Failure is not null)
        {
            return Refer(session, now, identity, request, mrz, "CHIP_READ_FAILED", $"The passport chip could not be read: {chip.Failure}.", "CHIP_READ_FAILED");
        }

        var opticalMrz = string.Join('\n', request.MrzLines!);
        var result = PassiveAuthenticator.Verify(new PassiveAuthenticationRequest(chip.Sod, chip.DataGroups, opticalMrz, now), trustList.Current);
        if (!result.IsValid)
        {
            return Refer(session, now, identity, request, mrz, $"PA_{result.Code}", $"The passport chip failed passive authentication ({result.Code}{(result.DataGroup is { } dg ? $", DG{dg}" : "")}): {result.Detail}.", result.Code);
        }

        // DG2 stays on the kiosk; its hash must be the one the issuer signed.
        var lso = DocumentSecurityObject.Parse(chip.Sod).SecurityObject;
        if (!lso.DataGroupHashes.TryGetValue(2, out var signedDg2) || chip.Dg2Hash is null || !CryptographicOperations.FixedTimeEquals(signedDg2, chip.Dg2Hash))
        {
            return Refer(session, now, identity, request, mrz, "PA_DG_HASH_MISMATCH", "The passport chip failed passive authentication (DG_HASH_MISMATCH, DG2): the portrait does not hash to the value signed in the chip's security object.", "DG2_HASH_MISMATCH");
        }

        if (chip.ActiveAuthenticationPassed == false)
        {
            return Refer(session, now, identity, request, mrz, "CHIP_CLONED", "The chip failed active authentication: it may be a cloned chip.", "OK");
        }

        session.VerifyDocument("service:passive-authentication", now);
        var challenge = livenessChallenges.Next();
        var facts = Facts(request, mrz, chip, result.Code);
        facts[LivenessChallenges.FactKey] = challenge;
        return identity with { Facts = facts, Liveness = challenge };
    }

    private static StepOutcome Refer(ArrivalSession session, DateTimeOffset now, StepOutcome identity, SubmitDocument request, MrzResult mrz, string code, string text, string paCode)
    {
        SessionReason[] reasons = [new(code, text)];
        session.Refer(reasons, "service:document-check", now);
        return identity with { Reasons = reasons, Facts = Facts(request, mrz, request.Chip, paCode) };
    }

    /// <summary>What the later steps and the officer need: the MRZ (for the risk rules) and the verification results. No image.</summary>
    private static Dictionary<string, object?> Facts(SubmitDocument request, MrzResult mrz, ChipReading? chip, string passiveAuthentication) => new()
    {
        ["document"] = new
        {
            mrzLines = request.MrzLines,
            format = mrz.Format,
            issuingState = mrz.IssuingState,
            nationality = mrz.Nationality,
            dateOfBirth = mrz.DateOfBirth,
            expiryDate = mrz.ExpiryDate,
            sex = mrz.Sex,
            chip = chip?.Protocol,
            passiveAuthentication,
            activeAuthentication = chip?.ActiveAuthenticationPassed,
        },
    };
}
