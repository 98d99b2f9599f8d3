using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PassengerGate.Data.Staff;
using PassengerGate.Domain.Staff;

namespace PassengerGate.Server.Auth;

/// <summary>
/// Staff sign-in: a cookie (HttpOnly, Secure, SameSite=Strict, sliding idle timeout) next to the
/// kiosks' credential scheme, and one policy per kind of act. Every request re-reads the account,
/// so a disabled account or a reset password ends open sessions at once.
/// </summary>
public static class StaffAuth
{
    public const string SchemeName = "Staff";
    public const string CookieName = "__Host-pgate-staff";
    public const string AirportClaim = "airport";
    public const string TerminalClaim = "terminal";
    public const string StampClaim = "stamp";

    /// <summary>Policy names, one per kind of act.</summary>
    public static class Policies
    {
        /// <summary>The officer console: the referral queue, cases, kiosk status, duty notices.</summary>
        public const string OfficerConsole = "staff:officer-console";

        /// <summary>Taking a kiosk out of service or returning it.</summary>
        public const string KioskCommand = "staff:kiosk-command";

        /// <summary>The departure console (currency and tax-free checks).</summary>
        public const string DepartureConsole = "staff:departure-console";

        /// <summary>Reading and exporting the audit trail.</summary>
        public const string AuditReader = "staff:audit-reader";

        /// <summary>Creating, changing and disabling accounts.</summary>
        public const string Administration = "staff:administration";

        /// <summary>Any signed-in staff member.</summary>
        public const string AnyStaff = "staff:any";
    }

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration)
    {
        services.Configure<StaffOptions>(configuration.GetSection("Staff"));
        var idle = configuration.GetValue("Staff:IdleTimeout", TimeSpan.FromMinutes(15));
        authentication.AddCookie(SchemeName, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.LoginPath = "/signin/";
            o.AccessDeniedPath = "/signin/denied.html";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = c => Refuse(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Refuse(c, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidateAsync;
        });

        Func<StaffRole[], Action<AuthorizationPolicyBuilder>> roles = allowed => p => p
            .AddAuthenticationSchemes(SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(AirportClaim)
            .RequireRole(allowed.Select(r => r.Name()));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.OfficerConsole, roles([StaffRole.Officer, StaffRole.Supervisor]))
            .AddPolicy(Policies.KioskCommand, roles([StaffRole.Supervisor]))
            .AddPolicy(Policies.DepartureConsole, roles([StaffRole.Departure, StaffRole.Supervisor]))
            .AddPolicy(Policies.AuditReader, roles([StaffRole.Supervisor, StaffRole.Administrator]))
            .AddPolicy(Policies.Administration, roles([StaffRole.Administrator]))
            .AddPolicy(Policies.AnyStaff, roles(Enum.GetValues<StaffRole>()));
        return services;
    }

    public static ClaimsPrincipal Principal(StaffStore.StaffRow account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role),
            new(AirportClaim, account.Airport),
            new(StampClaim, account.SecurityStamp.ToString()),
        };
        if (account.Terminal is { } terminal)
        {
            claims.Add(new Claim(TerminalClaim, terminal));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string UserName(this ClaimsPrincipal user) =>
        user?.Identity?.Name ?? throw new InvalidOperationException("not a signed-in staff member");

    public static string Airport(this ClaimsPrincipal user) =>
        user?.FindFirst(AirportClaim)?.Value ?? throw new InvalidOperationException("staff member without an airport");

    public static string? Role(this ClaimsPrincipal user) => user?.FindFirst(ClaimTypes.Role)?.Value;

    /// <summary>True while the account behind <paramref name="user"/> exists, is enabled and has not changed since sign-in.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal user, StaffStore staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(staff);
        var name = user.Identity?.Name;
        var stamp = user.FindFirst(StampClaim)?.Value;
        if (name is null || stamp is null)
        {
            return false;
        }

        var account = await staff.FindAsync(name, ct);
        return account is not null && account.DisabledAt is null && account.SecurityStamp.ToString() == stamp;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var staff = context.HttpContext.RequestServices.GetRequiredService<StaffStore>();
        if (context.Principal is null || !await IsCurrentAsync(context.Principal, staff, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
        }
    }

    // APIs and hubs answer 401/403; pages are sent to the sign-in page.
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        // Machine endpoints (the APIs, the hubs, the metrics scrape) get the status; pages get the sign-in form.
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Features.Observability.ObservabilityRegistration.MetricsPath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Options read once for the middleware that does not get DI options injected.</summary>
    internal static StaffOptions Options(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value;
}
