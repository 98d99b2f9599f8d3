using Microsoft.Extensions.Options;
using PassengerGate.Contracts;
using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.KioskShell.Service;

/// <summary>
/// Checks a scanned pre-declaration QR on the kiosk, offline, against the service's published keys
/// (GET /api/predeclarations/keys, kept from the last successful fetch): a forged, damaged or expired
/// code is refused on the spot with the problem in plain words. The service verifies again; this
/// check only spares the passenger a round trip and works while the link is down.
/// With no key list ever fetched the kiosk cannot judge, and leaves the verdict to the service.
/// </summary>
public sealed class PreDeclarationKeys(IOptions<KioskOptions> options, TimeProvider clock, ILogger<PreDeclarationKeys> logger) : IDisposable
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);
    private readonly HttpClient _http = new(ServiceTrust.Handler(options.Value)) { Timeout = TimeSpan.FromSeconds(5) };
    private PublishedKeyList? _keys;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    /// <summary>Null when the code verifies (or cannot be judged offline); otherwise the problem to show.</summary>
    public async Task<Reason?> PreCheckAsync(string qrText, CancellationToken ct) => (await OpenAsync(qrText, ct)).Problem;

    /// <summary>
    /// The problem to show, or the declaration the code carries when it verifies here, so the traveller can review and
    /// change it before certifying (decision 0020); both null when the code cannot be judged offline.
    /// </summary>
    public async Task<(Reason? Problem, string? DeclarationJson)> OpenAsync(string qrText, CancellationToken ct) =>
        await OpenAsync(qrText, PreDeclarationKind.Arrival, ct);

    /// <summary>As <see cref="OpenAsync(string, CancellationToken)"/> for the step that takes <paramref name="expected"/> (decision 0026).</summary>
    public async Task<(Reason? Problem, string? DeclarationJson)> OpenAsync(string qrText, PreDeclarationKind expected, CancellationToken ct)
    {
        if (clock.GetUtcNow() - _fetchedAt > RefreshAfter)
        {
            await RefreshAsync(ct);
        }

        if (_keys is null)
        {
            return (null, null);
        }

        var result = PreDeclarationQrCodec.Verify(qrText, _keys.Keys, clock.GetUtcNow());
        if (result.Error == PreDeclarationQrError.UnknownKey && await RefreshAsync(ct))
        {
            // A key rotated since the last fetch: try once more with the fresh list.
            result = PreDeclarationQrCodec.Verify(qrText, _keys.Keys, clock.GetUtcNow());
        }

        if (result.IsValid && result.Claims!.Kind != expected)
        {
            return (new Reason("QR_" + PreDeclarationQrError.WrongKind.Code(), "This code is for another declaration. Scan the code made for this one, or fill in the declaration here."), null);
        }

        return result.IsValid
            ? (null, result.Claims!.DeclarationJson)
            : (new Reason($"QR_{result.Code}", $"This pre-declaration code cannot be accepted ({result.Message}). Scan it again, or fill in the declaration here."), null);
    }

    private async Task<bool> RefreshAsync(CancellationToken ct)
    {
        try
        {
            var json = await _http.GetStringAsync(new Uri(options.Value.ServiceUrl, "/api/predeclarations/keys"), ct);
            if (PublishedKeyList.Parse(json) is { } keys)
            {
                _keys = keys;
                _fetchedAt = clock.GetUtcNow();
                return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Pre-declaration keys not refreshed ({Message}); using the last list", ex.Message);
        }

        return false;
    }

    public void Dispose() => _http.Dispose();
}
