using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Audit;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Audit;

namespace PassengerGate.Server.Features.Staff;

/// <summary>
/// Staff sign-in and sign-out. The sign-in page (wwwroot/signin) is a plain form: it asks
/// /api/staff/antiforgery for a token, and posts name, password and token here. Failures are
/// counted per account (lockout after Staff:MaxFailedSignIns in a row) and attempts are rate
/// limited per client address; every attempt is audited.
/// </summary>
public sealed class SignIn(StaffStore staff, AuditTrail audit, IOptions<StaffOptions> options, TimeProvider clock, ILogger<SignIn> logger)
{
    public const string RateLimitPolicy = "staff-sign-in";

    // Verified against when the account does not exist, so an unknown name takes as long as a wrong password.
    private static readonly string DummyHash = StaffPasswords.Hash(StaffPasswords.Generate());

    public async Task<IResult> HandleAsync(HttpContext http, string? userName, string? password, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var account = name.Length == 0 ? null : await staff.FindAsync(name, ct);
        var passwordOk = StaffPasswords.Verify(account?.PasswordHash ?? DummyHash, password ?? "");
        var now = clock.GetUtcNow();
        string? refusal = account switch
        {
            null => "unknown account",
            { DisabledAt: not null } => "account disabled",
            { LockedUntil: { } until } when new DateTimeOffset(until, TimeSpan.Zero) > now => "account locked",
            _ when !passwordOk => "wrong password",
            _ => null,
        };

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "";
        if (refusal is not null)
        {
            StaffStore.FailedSignIn? failed = null;
            if (account is not null && refusal == "wrong password")
            {
                failed = await staff.RecordFailedSignInAsync(account.UserName, now, options.Value.MaxFailedSignIns, options.Value.LockoutDuration, ct);
            }

            logger.LogWarning("Sign-in refused for {UserName}: {Refusal}", name, refusal);
            await audit.AppendAsync(
                name.Length == 0 ? "(none)" : name[..Math.Min(name.Length, 64)],
                AuditActorKinds.Staff,
                AuditActions.SignInFailed,
                "staff:" + (account?.UserName ?? "(unknown)"),
                account?.Airport,
                new { refusal, client, lockedNow = failed?.LockedUntil is not null && failed.FailedSignIns >= options.Value.MaxFailedSignIns },
                ct);
            return Results.Redirect("/signin/?failed=1" + (IsLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
        }

        await staff.RecordSignInAsync(account!.UserName, ct);
        await http.SignInAsync(StaffAuth.SchemeName, StaffAuth.Principal(account), new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        await audit.AppendAsync(account.UserName, AuditActorKinds.Staff, AuditActions.SignIn, "staff:" + account.UserName, account.Airport, new { role = account.Role, client }, ct);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/staff/");
    }

    // Only paths on this service: an open redirect after sign-in would hand the session to a look-alike page.
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

/// <summary>The sign-in, sign-out, anti-forgery token and who-am-I endpoints.</summary>
public static class SignInEndpoints
{
    public static void MapStaffSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/staff/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { fieldName = tokens.FormFieldName, token = tokens.RequestToken });
        }).AllowAnonymous();

        app.MapPost("/api/staff/sign-in", (HttpContext http, [FromForm(Name = "userName")] string? userName, [FromForm(Name = "password")] string? password, [FromForm(Name = "returnUrl")] string? returnUrl, SignIn handler) =>
            handler.HandleAsync(http, userName, password, returnUrl))
            .AllowAnonymous()
            .RequireRateLimiting(SignIn.RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(ValidateAntiforgery);

        app.MapPost("/api/staff/sign-out", async (HttpContext http, [FromForm(Name = "reason")] string? reason, AuditTrail audit, StaffStore staff) =>
        {
            // Cookies carry the whole sign-in: without a new stamp a copy of this one would still work after sign-out.
            await staff.EndSessionsAsync(http.User.UserName(), http.RequestAborted);
            await audit.StaffActAsync(http.User, AuditActions.SignOut, "staff:" + http.User.UserName(), new { }, http.RequestAborted);
            await http.SignOutAsync(StaffAuth.SchemeName);
            return Results.Redirect("/signin/?signedOut=1");
        }).RequireAuthorization(StaffAuth.Policies.AnyStaff);

        app.MapGet("/api/staff/me", (HttpContext http) => Results.Ok(new
        {
            userName = http.User.UserName(),
            role = http.User.Role(),
            airport = http.User.Airport(),
            terminal = http.User.FindFirst(StaffAuth.TerminalClaim)?.Value,
        })).RequireAuthorization(StaffAuth.Policies.AnyStaff);
    }

    // The sign-in form is posted before anyone is authenticated; the token check is the same as the
    // framework's, done explicitly so a bad token answers 400 rather than an unhandled exception page.
    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return Results.BadRequest(new { error = "the form's anti-forgery token is missing or stale; reload the page" });
        }

        return await next(context);
    }
}
