using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace PassengerGate.Server.Features.Observability;

/// <summary>Times every hub method call (kiosk, officer and departure hubs) into <see cref="ServiceMetrics"/>.</summary>
public sealed class HubCallMetricsFilter(ServiceMetrics metrics) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await next(invocationContext);
            succeeded = true;
            return result;
        }
        finally
        {
            metrics.HubCall(invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, succeeded, Stopwatch.GetElapsedTime(started));
        }
    }
}
