using PassengerGate.Data;

namespace PassengerGate.Server.Features.Health;

/// <summary>GET /health: 200 when the database answers, 503 when it does not.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (PassengerGateDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var databaseUp = await db.IsReachableAsync(ct);
            var body = new { status = databaseUp ? "healthy" : "unhealthy", database = databaseUp ? "up" : "down", checkedAt = clock.GetUtcNow() };
            return databaseUp ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
}
