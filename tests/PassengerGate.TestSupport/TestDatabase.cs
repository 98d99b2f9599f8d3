using Npgsql;
using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>
/// A database of its own for one test class, on the real PostgreSQL cluster that deploy/test.sh
/// starts (PASSENGERGATE_TEST_PG). Created empty; dropped when the class is done.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "PASSENGERGATE_TEST_PG";

    public TestDatabase()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with deploy/test.sh, which starts a throwaway PostgreSQL cluster.");
        }

        Name = $"t_{Guid.NewGuid():N}";
        ServerConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        // A test's service never needs Npgsql's default of 100 connections; capped, the test assemblies that run at once
        // stay well inside the cluster's max_connections (deploy/test.sh).
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name, MaxPoolSize = 30 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private string ServerConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL statement and returns the first column of the first row.</summary>
    public Task<T?> ScalarAsync<T>(string sql) => ScalarAsync<T>(ConnectionString, sql);

    /// <summary>Like <see cref="ScalarAsync{T}(string)"/>, on the cluster's maintenance database.</summary>
    public Task<T?> AdminScalarAsync<T>(string sql) => ScalarAsync<T>(ServerConnectionString, sql);

    private static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
