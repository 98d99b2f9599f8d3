using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>
/// POST /api/predeclarations: a traveller's declaration JSON (docs/arrival-declaration-schema.md) from
/// the phone page. A valid one is stored and signed into a QR; an invalid one gets every error with its path.
/// </summary>
public sealed class IssuePreDeclaration(PreDeclarationStore store, SigningKeyRing keys, TimeProvider clock, IOptions<PreDeclarationOptions> options)
{
    public const string Route = "/api/predeclarations";

    /// <summary>A declaration is a few kilobytes; the QR cannot carry much more (zlib is bounded at 64 KiB too).</summary>
    public const int MaxBodyBytes = 32 * 1024;

    private const int MaxGroupIdLength = 64;

    public sealed record Issued(Guid Id, string? GroupId, string QrText, DateTimeOffset ExpiresAt, string QrImageUrl);

    public sealed record Refused(IReadOnlyList<DeclarationError> Errors);

    public async Task<IResult> HandleAsync(string body, CancellationToken ct)
    {
        var read = DeclarationJson.Read(body);
        if (!read.IsValid)
        {
            return Results.BadRequest(new Refused(read.Errors));
        }

        var declaration = read.Declaration!;
        if (declaration.GroupId is { Length: 0 or > MaxGroupIdLength })
        {
            return Results.BadRequest(new Refused([new DeclarationError("$.groupId", $"1 to {MaxGroupIdLength} characters")]));
        }

        // CWT times are whole seconds (RFC 8392 NumericDate); the stored times match the QR's.
        var now = clock.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = issuedAt + options.Value.QrLifetime;
        // A random (v4) id: knowing it is enough to fetch the QR image, so it must not be guessable.
        var id = Guid.NewGuid();
        var json = Compact(DeclarationJson.Write(declaration));

        var key = await keys.CurrentAsync(ct);
        using var signer = ECDsa.Create();
        signer.ImportPkcs8PrivateKey(key.PrivateKeyPkcs8, out _);
        var qrText = PreDeclarationQrCodec.Encode(new PreDeclarationClaims(options.Value.Issuer, issuedAt, expiresAt, id, json), key.Kid, signer);

        await store.InsertAsync(new PreDeclarationStore.NewPreDeclaration(id, declaration.GroupId, json, qrText, key.Kid, issuedAt, expiresAt), ct);
        return Results.Created($"{Route}/{id}", new Issued(id, declaration.GroupId, qrText, expiresAt, PreDeclarationQrImage.PathFor(id)));
    }

    /// <summary>The canonical form signed into the QR: the writer's output without indentation (a smaller QR).</summary>
    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
