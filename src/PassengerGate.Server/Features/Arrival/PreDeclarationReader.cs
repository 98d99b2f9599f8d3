using PassengerGate.Contracts;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Server.Features.PreDeclarations;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Opens a scanned pre-declaration QR on the service: signature against the service's own
/// published keys, validity window, and the declaration it carries. A code that does not verify is
/// answered with what is wrong in plain words; the passenger can scan again or fill the form.
/// A verified pre-declaration is marked used, so the 72-hour purge leaves it for the audit.
/// </summary>
public sealed class PreDeclarationReader(SigningKeyRing keys, PreDeclarationStore store, ILogger<PreDeclarationReader> logger)
{
    public sealed record Result(string? DeclarationJson, Reason? Problem, Guid? PreDeclarationId = null);

    /// <summary>A valid code of another kind of declaration than the step that scanned it takes.</summary>
    public static readonly Reason WrongKind = new(
        "QR_" + PreDeclarationQrError.WrongKind.Code(),
        "This code is for another declaration. Scan the code made for this one, or fill in the declaration here.");

    public async Task<Result> ReadAsync(string qrText, DateTimeOffset now, CancellationToken ct)
    {
        var verification = PreDeclarationQrCodec.Verify(qrText, await keys.PublishedAsync(ct), now);
        if (!verification.IsValid)
        {
            logger.LogWarning("Pre-declaration QR refused: {Code}", verification.Code);
            return new Result(null, new Reason($"QR_{verification.Code}", $"This pre-declaration code cannot be accepted ({verification.Message}). Scan it again, or fill in the declaration here."));
        }

        var claims = verification.Claims!;
        if (claims.Kind != PreDeclarationKind.Arrival)
        {
            // A currency code scanned at the customs declaration: its JSON is not an arrival declaration (decision 0026).
            logger.LogWarning("Pre-declaration QR of kind {Kind} scanned at the arrival declaration", claims.Kind);
            return new Result(null, WrongKind);
        }

        await store.MarkUsedAsync(claims.PreDeclarationId, now, ct);
        return new Result(claims.DeclarationJson, null, claims.PreDeclarationId);
    }
}
