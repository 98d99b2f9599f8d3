using Npgsql;

namespace PassengerGate.Data;

/// <summary>The one NpgsqlDataSource of a process, and a cheap liveness probe.</summary>
public sealed class PassengerGateDb(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static PassengerGateDb Create(string connectionString) => new(NpgsqlDataSource.Create(WithServiceDefaults(connectionString)));

    /// <summary>
    /// The service's pool settings, unless the connection string sets them itself (docs/performance.md, "Tuning knobs"):
    /// no DISCARD ALL when a connection returns to the pool (nothing here leaves session state behind: no SET, LISTEN
    /// or session advisory lock; transaction-scoped locks end with their transaction), and statements used twice are
    /// prepared on each physical connection, so a hot statement is parsed and planned once per connection, not per call.
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Has(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Has(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 128;
        }

        if (!Has(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private static bool Has(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(key => keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)));

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT 1";
        try
        {
            await using var command = DataSource.CreateCommand(Sql);
            return (int?)await command.ExecuteScalarAsync(cancellationToken) == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
