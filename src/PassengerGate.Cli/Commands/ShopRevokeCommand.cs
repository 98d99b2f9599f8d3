using PassengerGate.Data.TaxFree;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate shop revoke SHOP_ID`: its key stops working at once; its records and deliveries stay.</summary>
public sealed class ShopRevokeCommand : ICliCommand
{
    public string Path => "shop revoke";

    public string Usage => "SHOP_ID [--db CONNECTION]";

    public string Summary => "Revoke a tax-free shop's API key.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? "usage: pgate shop revoke SHOP_ID");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var now = context.Clock.GetUtcNow();
        if (!await new TaxFreeStore(dataSource).RevokeShopAsync(parsed.Positionals[0], now, CancellationToken.None))
        {
            return context.Fail($"no active shop '{parsed.Positionals[0]}'");
        }

        context.WriteJson(new { shopId = parsed.Positionals[0], revokedAt = now });
        return 0;
    }
}
