using System.Text.Json;
using PassengerGate.Data.Kiosks;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate kiosk list`: every registered kiosk with its state; never a credential.</summary>
public sealed class KioskListCommand : ICliCommand
{
    public string Path => "kiosk list";

    public string Usage => "[--db CONNECTION]";

    public string Summary => "List registered kiosks: revoked or not, last seen, status and device health.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "kiosk list takes no positional arguments");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var rows = await new KioskStore(dataSource).ListAsync(CancellationToken.None);
        context.WriteJson(new
        {
            kiosks = rows.Select(k => new
            {
                kioskId = k.KioskId,
                location = k.Location,
                revoked = k.RevokedAt is not null,
                registeredAt = new DateTimeOffset(k.RegisteredAt, TimeSpan.Zero),
                revokedAt = k.RevokedAt is { } r ? new DateTimeOffset(r, TimeSpan.Zero) : (DateTimeOffset?)null,
                lastSeenAt = k.LastSeenAt is { } s ? new DateTimeOffset(s, TimeSpan.Zero) : (DateTimeOffset?)null,
                status = k.Status,
                devices = JsonDocument.Parse(k.Devices).RootElement,
            }),
        });
        return 0;
    }
}
