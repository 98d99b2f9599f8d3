using Npgsql;

namespace PassengerGate.Data;

/// <summary>The one NpgsqlDataSource of a process, and a cheap liveness probe.</summary>
public sealed class PassengerGateDb(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static PassengerGateDb Create(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

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
