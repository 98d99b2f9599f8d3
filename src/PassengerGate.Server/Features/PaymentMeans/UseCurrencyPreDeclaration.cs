using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Server.Features.PreDeclarations;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// A currency pre-declaration made on the phone and taken into a kiosk declaration is marked used, as an arrival code is
/// (decision 0026): the used-code purge then removes it on its schedule, and the record says it served a declaration. The
/// code is verified again here against the service's own published keys; only a valid currency code is marked. The
/// declaration itself never depends on it: the traveller checked and submitted the form's contents, which are what is stored.
/// </summary>
public sealed class UseCurrencyPreDeclaration(SigningKeyRing keys, PreDeclarationStore store, TimeProvider clock, ILogger<UseCurrencyPreDeclaration> logger)
{
    /// <summary>More than any QR code can carry (ISO/IEC 18004: 7,089 numeric characters at most); a longer text is not read.</summary>
    public const int MaxQrTextLength = 8_000;

    /// <summary>True when <paramref name="qrText"/> is a valid currency code of this service and is now marked used.</summary>
    public async Task<bool> MarkUsedAsync(string qrText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(qrText);
        var now = clock.GetUtcNow();
        var verification = PreDeclarationQrCodec.Verify(qrText, await keys.PublishedAsync(ct), now);
        if (!verification.IsValid || verification.Claims!.Kind != PreDeclarationKind.Currency)
        {
            logger.LogWarning("Currency pre-declaration sent with a kiosk declaration not marked used: {Code} {Kind}", verification.Code, verification.Claims?.Kind);
            return false;
        }

        return await store.MarkUsedAsync(verification.Claims.PreDeclarationId, now, ct);
    }
}
