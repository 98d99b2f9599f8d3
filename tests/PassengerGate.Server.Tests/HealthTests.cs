using System.Net;
using System.Text.Json;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests;

public class HealthTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Health_reports_the_database_up()
    {
        await using var server = await RunningServer.StartAsync(db.ConnectionString);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("up", body.GetProperty("database").GetString());
    }
}

public class OpenApiTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_service_publishes_an_OpenAPI_description_of_its_HTTP_API()
    {
        await using var server = await RunningServer.StartAsync(db.ConnectionString);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/predeclarations", paths);
        Assert.Contains("/api/predeclarations/keys", paths);
        Assert.Contains("/health", paths);
    }
}

/// <summary>Its own class: it takes its database away.</summary>
public class HealthWithoutDatabaseTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Health_reports_503_when_the_database_is_gone()
    {
        await using var server = await RunningServer.StartAsync(db.ConnectionString);
        // Take the database away: forbid new connections and end the open ones.
        await db.AdminScalarAsync<int>($"UPDATE pg_database SET datallowconn = false WHERE datname = '{db.Name}'");
        await db.AdminScalarAsync<bool>($"SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{db.Name}'");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"database\":\"down\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
