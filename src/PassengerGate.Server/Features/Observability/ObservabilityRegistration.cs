using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Auth;

namespace PassengerGate.Server.Features.Observability;

/// <summary>
/// OpenTelemetry for the service (issue 13 point 5): metrics from <see cref="ServiceMetrics"/>, Npgsql (database
/// latency, pool use), ASP.NET Core (requests, connections) and the runtime (GC, thread pool), exported for a
/// Prometheus scrape at /metrics; traces (requests and database commands) only when an OTLP collector is configured
/// with the standard OTEL_EXPORTER_OTLP_ENDPOINT. The node is named by Observability:Node (default: the host name).
/// </summary>
public static class ObservabilityRegistration
{
    public const string MetricsPath = "/metrics";
    public const string ScrapePolicy = "metrics:scrape";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<HubCallMetricsFilter>();
        builder.Services.AddSingleton<IAuthorizationHandler, MetricsScrapeHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ScrapePolicy, p => p.AddAuthenticationSchemes(StaffAuth.SchemeName).AddRequirements(new MetricsScrapeRequirement()));
        var node = ServiceMetrics.NodeName(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("passengergate", serviceInstanceId: node))
            .WithMetrics(m => m
                .AddMeter(ServiceMetrics.MeterName, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
        {
            telemetry.WithTracing(t => t.AddSource("Npgsql").AddAspNetCoreInstrumentation().AddOtlpExporter());
        }
    }

    /// <summary>GET /metrics in Prometheus' text format, for a scraper holding the scrape token or a signed-in supervisor or administrator.</summary>
    public static void MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .RequireAuthorization(ScrapePolicy);
}

/// <summary>Who may read the service's metrics.</summary>
public sealed class MetricsScrapeRequirement : IAuthorizationRequirement;

/// <summary>
/// A Prometheus server presents `Authorization: Bearer &lt;Observability:ScrapeToken&gt;` (compared in constant time; no
/// token configured means no scraper is let in this way); a supervisor or administrator may read it with their sign-in.
/// Officers, departure staff, kiosks and anyone else are refused: the numbers describe the whole floor.
/// </summary>
public sealed class MetricsScrapeHandler(IConfiguration configuration) : AuthorizationHandler<MetricsScrapeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == StaffAuth.AirportClaim)
            && (user.IsInRole(StaffRole.Supervisor.Name()) || user.IsInRole(StaffRole.Administrator.Name())))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http && ScraperTokenMatches(http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool ScraperTokenMatches(HttpContext http)
    {
        if (configuration["Observability:ScrapeToken"] is not { Length: >= 16 } expected)
        {
            return false;
        }

        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[Bearer.Length..])),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
