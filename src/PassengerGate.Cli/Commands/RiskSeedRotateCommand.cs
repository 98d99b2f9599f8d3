using System.Globalization;
using System.Security.Cryptography;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate risk seed rotate [--from DATE]`: makes a new random-selection seed in force from DATE (default today)
/// and ends the previous one the day before. The secret is never printed; its SHA-256 fingerprint is, so it can be
/// recorded now and checked by an auditor later.
/// </summary>
public sealed class RiskSeedRotateCommand : ICliCommand
{
    public string Path => "risk seed rotate";

    public string Usage => "[--from YYYY-MM-DD] [--db CONNECTION]";

    public string Summary => "Start a new random-selection seed from a day (default today, UTC); prints its id and fingerprint, never the secret.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--from"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate {Path} {Usage}");
        }

        var from = context.Today;
        if (parsed.Option("--from") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            return context.Usage($"risk seed rotate: --from '{text}' is not a yyyy-MM-dd date");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        var secret = RandomNumberGenerator.GetBytes(SelectionSeed.SecretBytes);
        var id = string.Create(CultureInfo.InvariantCulture, $"seed-{from:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var seed = new SelectionSeed(id, secret, from, null);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        try
        {
            await new RiskDataStore(dataSource).CreateSeedAsync(seed, context.Clock.GetUtcNow(), CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            return context.Usage("risk seed rotate: " + ex.Message);
        }

        context.WriteJson(new { seedId = seed.Id, validFrom = seed.ValidFrom, fingerprint = seed.Fingerprint });
        return 0;
    }
}
