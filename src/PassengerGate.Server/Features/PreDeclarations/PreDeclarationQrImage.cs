using PassengerGate.Data.PreDeclarations;
using QRCoder;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>GET /api/predeclarations/{id}/qr.png: the stored QR text as a PNG for the phone to show.</summary>
public sealed class PreDeclarationQrImage(PreDeclarationStore store, TimeProvider clock)
{
    private const int PixelsPerModule = 6;

    public static string PathFor(Guid id) => $"{IssuePreDeclaration.Route}/{id}/qr.png";

    public async Task<IResult> HandleAsync(Guid id, HttpResponse response, CancellationToken ct)
    {
        var row = await store.FindAsync(id, ct);
        if (row is null)
        {
            return Results.NotFound();
        }

        // ECC level Q as the EU DCC prescribes (hcert_spec.md §4.6): a phone screen with glare or a crack still scans.
        // The text is the QR alphanumeric set only, so QRCoder encodes it in alphanumeric mode.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(row.QrText, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        // The image of an id never changes; the phone may keep it for the QR's lifetime (it may be offline on arrival).
        var maxAge = Math.Max(0, (long)(new DateTimeOffset(DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc)) - clock.GetUtcNow()).TotalSeconds);
        response.Headers.CacheControl = $"private, max-age={maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return Results.File(png, "image/png");
    }
}
