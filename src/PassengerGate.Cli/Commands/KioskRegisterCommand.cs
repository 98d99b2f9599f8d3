using System.Security.Cryptography;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate kiosk register ID`: issues a fresh credential. The credential is printed once and only
/// its hash is stored; registering again replaces the credential (and lifts a revocation).
/// </summary>
public sealed class KioskRegisterCommand : ICliCommand
{
    public string Path => "kiosk register";

    public string Usage => "KIOSK_ID [--location TEXT] [--airport IATA] [--db CONNECTION]";

    public string Summary => "Register a kiosk and print its credential (shown once; only a hash is kept).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--location", "--airport"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? "usage: pgate kiosk register KIOSK_ID [--location TEXT]");
        }

        var kioskId = parsed.Positionals[0];
        if (!KioskCredential.IsValidKioskId(kioskId))
        {
            return context.Usage($"'{kioskId}' is not a valid kiosk id (letters, digits, '-' and '_', at most 64)");
        }

        var airport = parsed.Option("--airport") ?? "NRT";
        if (!PassengerGate.Domain.Staff.StaffRoles.IsAirport(airport))
        {
            return context.Usage("--airport must be an IATA code of three capital letters, e.g. NRT");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        var credential = KioskCredential.FromRandom(kioskId, RandomNumberGenerator.GetBytes(KioskCredential.SecretBytes));
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var now = context.Clock.GetUtcNow();
        await new KioskStore(dataSource).RegisterAsync(kioskId, credential.SecretHash, parsed.Option("--location") ?? "", airport, now, CancellationToken.None);
        context.WriteJson(new { kioskId, airport, credential = credential.Token, registeredAt = now });
        return 0;
    }
}
