using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PassengerGate.Server.Auth;

/// <summary>
/// The answer to a sign-in refused by the rate limiter: 429 with Retry-After in whole seconds (RFC 9110 §10.2.3,
/// RFC 6585 §4), so a client — or a person reading the page's message — knows when to try again.
/// </summary>
public static class SignInRateLimit
{
    public static ValueTask OnRejected(OnRejectedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The fixed-window limiter knows when its window reopens; without that, a whole window is the safe answer.
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }
}
