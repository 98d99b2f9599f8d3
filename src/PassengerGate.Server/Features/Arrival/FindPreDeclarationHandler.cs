using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Data.PreDeclarations;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The Canadian model of issue 10 point 1 (decision 0027): at the declaration step, the kiosk asks whether the traveller
/// pre-declared on a phone, and gets the newest unused, unexpired arrival pre-declaration made for the passport this
/// session verified, as its signed QR text, to open, review, change and certify exactly like a scanned code (decision
/// 0020; the certified version goes through <see cref="SubmitEditedPreDeclarationHandler"/>, which verifies it again).
/// Only the kiosk that owns the session gets an answer, and only once the chip passed passive authentication and the face
/// matched (state FaceVerified): a passport laid on a kiosk by someone else never shows its holder's declaration.
/// Anything else is answered "none", never with a reason, so the call reveals nothing about other sessions.
/// </summary>
public sealed class FindPreDeclarationHandler(KioskBearerStore sessions, PreDeclarationStore store, TimeProvider clock, ILogger<FindPreDeclarationHandler> logger)
{
    private static readonly PreDeclarationFound None = new(null);

    public async Task<PreDeclarationFound> HandleAsync(string kioskId, FindPreDeclaration request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await sessions.LoadAsync(request.SessionId, ct);
        if (session is null || !string.Equals(session.KioskId, kioskId, StringComparison.Ordinal))
        {
            logger.LogWarning("Kiosk {KioskId} asked for the pre-declaration of session {SessionId}, which is not its own", kioskId, request.SessionId);
            return None;
        }

        if (session.State != nameof(PassengerGate.Domain.Sessions.ArrivalState.FaceVerified) || !session.DocumentVerified || session.DocumentNumber is not { Length: > 0 } passport)
        {
            return None;
        }

        var qr = await store.FindUnusedForPassportAsync(passport, clock.GetUtcNow(), ct);
        logger.LogInformation("Session {SessionId}: pre-declaration by passport {Found}", request.SessionId, qr is null ? "not found" : "found");
        return new PreDeclarationFound(qr);
    }
}
