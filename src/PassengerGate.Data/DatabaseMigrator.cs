using DbUp;
using DbUp.Engine;

namespace PassengerGate.Data;

/// <summary>Applies Migrations/*.sql (embedded, numbered, forward-only) with DbUp.</summary>
public static class DatabaseMigrator
{
    public sealed record Outcome(bool Successful, IReadOnlyList<string> Applied, string? Error);

    public static Outcome Migrate(string connectionString, bool createDatabase = true)
    {
        if (createDatabase)
        {
            EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
        }

        UpgradeEngine engine = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = engine.PerformUpgrade();
        return new Outcome(
            result.Successful,
            result.Scripts.Select(s => s.Name).ToList(),
            result.Error?.Message);
    }
}
