using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.PreDeclarations;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Declarations;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>
/// POST /api/predeclarations: a traveller's declaration JSON (docs/arrival-declaration-schema.md) from
/// the phone page. A valid one is stored and signed into a QR that stays valid until the end of its arrival day at
/// the airport (decision 0017); an invalid one gets every error with its path, as RFC 9457 problem details
/// (https://www.rfc-editor.org/rfc/rfc9457): the schema's errors and the rules of <see cref="DeclarationChecks"/>, with
/// an arrival date from today to <see cref="PreDeclarationOptions.MaxDaysAhead"/> days ahead.
/// </summary>
public sealed class IssuePreDeclaration(PreDeclarationStore store, SigningKeyRing keys, AirportClock airport, DeclarationChecks checks, IOptions<PreDeclarationOptions> options)
{
    public const string Route = "/api/predeclarations";

    /// <summary>A declaration is a few kilobytes; the QR cannot carry much more (zlib is bounded at 64 KiB too).</summary>
    public const int MaxBodyBytes = 32 * 1024;

    private const int MaxGroupIdLength = 64;

    public sealed record Issued(Guid Id, string? GroupId, string QrText, DateTimeOffset ExpiresAt, string QrImageUrl);

    /// <summary>The RFC 9457 "type" of a refused declaration: its "errors" member lists each field.</summary>
    public const string RefusedType = "urn:passengergate:problem:declaration-refused";

    /// <summary>One refused field: its path, the rule (null for a schema error) and English words.</summary>
    public sealed record FieldError(string Path, string Message, DeclarationFieldProblem? Rule = null);

    public async Task<IResult> HandleAsync(string body, CancellationToken ct)
    {
        var read = DeclarationJson.Read(body);
        if (!read.IsValid)
        {
            return Refuse(read.Errors.Select(e => new FieldError(e.Path, e.Message, DeclarationFieldProblem.Invalid)));
        }

        var declaration = read.Declaration!;
        if (declaration.GroupId is { Length: 0 or > MaxGroupIdLength })
        {
            return Refuse([new FieldError("$.groupId", $"1 to {MaxGroupIdLength} characters", DeclarationFieldProblem.Invalid)]);
        }

        // CWT times are whole seconds (RFC 8392 NumericDate); the stored times match the QR's.
        var now = airport.Now;
        var today = airport.DateOf(now);
        var violations = await checks.CheckAsync(declaration, today, new ArrivalDateWindow(0, options.Value.MaxDaysAhead), ct);
        if (violations.Count > 0)
        {
            return Refuse(violations.Select(v => new FieldError(v.Path, v.Message, DeclarationChecks.ToContract(v.Rule))));
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = ExpiryFor(declaration.Header.ArrivalDate, airport);
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

    /// <summary>
    /// Valid until the end of the stated arrival day at the airport (the first instant of the next day is the CWT exp,
    /// which a verifier refuses from that instant on), so a QR never expires before the traveller lands that day.
    /// </summary>
    public static DateTimeOffset ExpiryFor(DateOnly arrivalDate, AirportClock airport)
    {
        ArgumentNullException.ThrowIfNull(airport);
        return airport.EndOf(arrivalDate);
    }

    private static IResult Refuse(IEnumerable<FieldError> errors) =>
        Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = RefusedType,
            Title = "The declaration cannot be accepted.",
            Status = StatusCodes.Status400BadRequest,
            Detail = "Correct the fields listed in errors and send it again.",
            Extensions = { ["errors"] = errors.ToList() },
        });

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
