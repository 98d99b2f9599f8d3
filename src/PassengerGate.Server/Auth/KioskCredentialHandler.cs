using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;

namespace PassengerGate.Server.Auth;

/// <summary>
/// Authenticates a kiosk by its credential "KIOSKID.SECRET", sent as a bearer token (negotiate) or
/// as access_token in the query (the WebSocket upgrade, where browsers and the .NET client cannot
/// set headers). Unknown, revoked or mismatched credentials are refused.
/// </summary>
public sealed class KioskCredentialHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KioskStore kiosks)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "KioskCredential";
    public const string Policy = "Kiosk";
    public const string KioskIdClaim = "kiosk_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Query.TryGetValue("access_token", out var fromQuery))
        {
            token = fromQuery.ToString();
        }

        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var credential = KioskCredential.Parse(token);
        if (credential is null)
        {
            return AuthenticateResult.Fail("malformed kiosk credential");
        }

        var stored = await kiosks.FindCredentialAsync(credential.KioskId, Context.RequestAborted);
        if (stored is null || !credential.Matches(stored.CredentialHash))
        {
            Logger.LogWarning("Kiosk {KioskId} refused: unknown kiosk or wrong credential", credential.KioskId);
            return AuthenticateResult.Fail("unknown kiosk or wrong credential");
        }

        if (stored.RevokedAt is not null)
        {
            Logger.LogWarning("Kiosk {KioskId} refused: revoked at {RevokedAt}", credential.KioskId, stored.RevokedAt);
            return AuthenticateResult.Fail("kiosk credential revoked");
        }

        var identity = new ClaimsIdentity([new Claim(KioskIdClaim, credential.KioskId), new Claim(ClaimTypes.Name, credential.KioskId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
