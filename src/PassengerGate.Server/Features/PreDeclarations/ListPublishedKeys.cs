using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>
/// GET /api/predeclarations/keys: the public keys kiosks trust to verify QRs offline (PublishedKeyList JSON).
/// Public data, so no authentication; kiosks fetch it at start and periodically and keep the last copy.
/// </summary>
public sealed class ListPublishedKeys(SigningKeyRing keys)
{
    public const string Route = "/api/predeclarations/keys";

    public async Task<PublishedKeyList> HandleAsync(CancellationToken ct) => new(await keys.PublishedAsync(ct));
}
