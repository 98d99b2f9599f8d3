using Microsoft.Extensions.Options;

namespace PassengerGate.Server.Auth;

/// <summary>
/// Cross-site WebSocket hijacking: a browser sends the staff cookie on a WebSocket upgrade from any
/// page, but always names the page's origin. A hub request whose Origin is neither the service's
/// own nor a configured one (Staff:AllowedOrigins) is refused. Non-browser clients (kiosks, tools)
/// send no Origin and authenticate with their own credential.
/// </summary>
public static class HubOriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase) && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
            {
                var own = $"{context.Request.Scheme}://{context.Request.Host}";
                var allowed = context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.AllowedOrigins;
                if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                    && !allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
            }

            await next(context);
        });
}
