using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace PassengerGate.Server.Auth;

/// <summary>
/// The staff pages are static files; this gate runs before the static-file middleware so a page is
/// only served to someone signed in with a role that may use it. Everyone else is sent to sign in
/// (or told no, when signed in with the wrong role).
/// </summary>
public static class StaffPageGate
{
    private static readonly (string Prefix, string Policy)[] Pages =
    [
        ("/officer", StaffAuth.Policies.OfficerConsole),
        ("/console/departure", StaffAuth.Policies.DepartureConsole),
        ("/supervisor", StaffAuth.Policies.KioskCommand),
        ("/admin", StaffAuth.Policies.Administration),
        ("/audit", StaffAuth.Policies.AuditReader),
        ("/staff", StaffAuth.Policies.AnyStaff),
    ];

    public static string? PolicyFor(PathString path) =>
        Pages.FirstOrDefault(p => path.StartsWithSegments(p.Prefix, StringComparison.OrdinalIgnoreCase)).Policy;

    public static IApplicationBuilder UseStaffPageGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (PolicyFor(context.Request.Path) is not { } policy)
            {
                await next(context);
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            var authenticated = await context.AuthenticateAsync(StaffAuth.SchemeName);
            if (!authenticated.Succeeded || authenticated.Principal is null)
            {
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect("/signin/?returnUrl=" + Uri.EscapeDataString(returnUrl));
                return;
            }

            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(authenticated.Principal, policy)).Succeeded)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!doctype html><title>Not allowed</title><h1>Not allowed</h1><p>Your role may not open this page. <a href=\"/staff/\">Back</a></p>");
                return;
            }

            context.User = authenticated.Principal;
            await next(context);
        });
}
