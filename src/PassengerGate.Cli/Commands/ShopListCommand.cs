using PassengerGate.Data.TaxFree;

namespace PassengerGate.Cli.Commands;

/// <summary>`pgate shop list`: every tax-free shop; never a key or a secret.</summary>
public sealed class ShopListCommand : ICliCommand
{
    public string Path => "shop list";

    public string Usage => "[--db CONNECTION]";

    public string Summary => "List tax-free shops (no keys or secrets).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "shop list takes no positional arguments");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var rows = await new TaxFreeStore(dataSource).ListShopsAsync(CancellationToken.None);
        context.WriteJson(new
        {
            shops = rows.Select(s => new
            {
                shopId = s.ShopId,
                name = s.Name,
                webhook = s.WebhookUrl,
                revoked = s.RevokedAt is not null,
                createdAt = new DateTimeOffset(s.CreatedAt, TimeSpan.Zero),
                revokedAt = s.RevokedAt is { } r ? new DateTimeOffset(r, TimeSpan.Zero) : (DateTimeOffset?)null,
            }),
        });
        return 0;
    }
}
