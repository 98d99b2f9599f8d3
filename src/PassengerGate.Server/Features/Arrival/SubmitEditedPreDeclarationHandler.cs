using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Sessions;
using PassengerGate.Server.Features.Declarations;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// A pre-declaration reviewed and certified at the kiosk (the Canadian model: scan, review, change, certify; decision 0020).
/// The QR is verified as when it is scanned alone (signature, validity, marked used) and proves which pre-declaration
/// the traveller started from; what is decided is the certified version, validated like any declaration typed at the
/// kiosk (the kiosk's arrival-date window included) and bound to the session's passport like any other. The facts keep
/// the pre-declaration's id, whether the traveller changed anything, and what the QR said, so the officer sees both.
/// </summary>
public sealed class SubmitEditedPreDeclarationHandler(
    ArrivalSessionRunner runner,
    PreDeclarationReader preDeclarations,
    SubmitDeclarationHandler declarations,
    DeclarationChecks declarationChecks)
{
    /// <summary>The declaration's source in the session facts.</summary>
    public const string Source = "pre-declaration-edited-at-kiosk";

    public Task<SessionUpdate> HandleAsync(string kioskId, SubmitEditedPreDeclaration request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return runner.RunAsync(kioskId, request.SessionId, request.CommandId, "declaration", (session, now, token) => DecideAsync(session, request, now, token), ct);
    }

    private async Task<StepOutcome> DecideAsync(ArrivalSession session, SubmitEditedPreDeclaration request, DateTimeOffset now, CancellationToken ct)
    {
        if (session.State != ArrivalState.FaceVerified)
        {
            return new StepOutcome { Problem = new Reason("OUT_OF_ORDER", $"A declaration is not expected now (session is {session.State}).") };
        }

        if (string.IsNullOrEmpty(request.QrText) || string.IsNullOrEmpty(request.DeclarationJson))
        {
            return new StepOutcome { Problem = new Reason("DECLARATION_MISSING", "No declaration was given: scan the QR code or fill in the form.") };
        }

        var read = await preDeclarations.ReadAsync(request.QrText, now, ct);
        if (read.Problem is not null)
        {
            return new StepOutcome { Problem = read.Problem };
        }

        var original = DeclarationJson.Read(read.DeclarationJson!);
        var certified = DeclarationJson.Read(request.DeclarationJson);
        // The QR must be the traveller's own: a code made for another passport cannot be turned into this one's by editing.
        if (original.Declaration is { } before && certified.Declaration is { } after
            && !string.Equals(Normalise(before.Header.PassportNumber), Normalise(after.Header.PassportNumber), StringComparison.Ordinal))
        {
            return new StepOutcome { Problem = new Reason("DECLARATION_OTHER_PASSPORT", "This declaration was made for another passport. Scan your own code, or fill in the form here.") };
        }

        var changed = original.Declaration is null || certified.Declaration is null
            || !string.Equals(DeclarationJson.Write(original.Declaration), DeclarationJson.Write(certified.Declaration), StringComparison.Ordinal);
        var edit = new
        {
            editedAtKiosk = true,
            changed,
            preDeclarationId = read.PreDeclarationId,
            preDeclared = System.Text.Json.JsonDocument.Parse(read.DeclarationJson!).RootElement,
        };
        return await declarations.DecideJsonAsync(session, request.DeclarationJson, Source, declarationChecks.KioskWindow, edit, now, ct);
    }

    private static string Normalise(string number) => number.Replace("<", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
