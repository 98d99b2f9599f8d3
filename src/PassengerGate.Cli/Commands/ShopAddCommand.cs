using System.Security.Cryptography;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate shop add SHOP_ID --name TEXT [--webhook URL]`: a shop or refund provider that may submit tax-free purchase
/// records. Its API key and webhook secret are printed once; the key is stored only as its SHA-256 (docs/decisions/0021).
/// </summary>
public sealed class ShopAddCommand : ICliCommand
{
    public string Path => "shop add";

    public string Usage => "SHOP_ID --name TEXT [--webhook URL] [--db CONNECTION]";

    public string Summary => "Add a tax-free shop; print its API key and webhook secret (shown once).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--name", "--webhook"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? "usage: pgate shop add SHOP_ID --name TEXT [--webhook URL]");
        }

        var shopId = parsed.Positionals[0];
        if (!ShopApiKey.IsValidShopId(shopId))
        {
            return context.Usage($"'{shopId}' is not a valid shop id (letters, digits, '-' and '_', at most 64)");
        }

        var name = parsed.Option("--name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return context.Usage("--name is required");
        }

        var webhook = parsed.Option("--webhook");
        if (webhook is not null && (!Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            return context.Usage("--webhook must be an absolute http(s) URL");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        var apiKey = ShopApiKey.New();
        var secret = RandomNumberGenerator.GetBytes(32);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var now = context.Clock.GetUtcNow();
        try
        {
            await new TaxFreeStore(dataSource).AddShopAsync(shopId, name, ShopApiKey.Hash(apiKey), webhook, secret, now, CancellationToken.None);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            return context.Fail($"shop '{shopId}' exists already");
        }

        context.WriteJson(new { shopId, name, webhook, apiKey, webhookSecret = Convert.ToHexStringLower(secret), createdAt = now });
        return 0;
    }
}
