using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate kiosk revoke ID`: the kiosk is refused from its next connection or call on.</summary>
public sealed class KioskRevokeCommand : ICliCommand
{
    public string Path => "kiosk revoke";

    public string Usage => "KIOSK_ID [--db CONNECTION]";

    public string Summary => "Revoke a kiosk's credential; it is refused from its next connection or call.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? "usage: pgate kiosk revoke KIOSK_ID");
        }

        var kioskId = parsed.Positionals[0];
        if (!KioskCredential.IsValidKioskId(kioskId))
        {
            return context.Usage($"'{kioskId}' is not a valid kiosk id");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var now = context.Clock.GetUtcNow();
        if (!await new KioskStore(dataSource).RevokeAsync(kioskId, now, CancellationToken.None))
        {
            return context.Fail($"no kiosk '{kioskId}' is registered");
        }

        context.WriteJson(new { kioskId, revokedAt = now });
        return 0;
    }
}
