using System.Globalization;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.Documents;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate taxfree check --passport NUMBER --nationality CODE [--at DATETIME]`: the traveller's records with each one's
/// status and reasons and the lane the rules would give, as the departure kiosk would see them at that instant (Japan
/// time, docs/taxfree-rules.md). Changes nothing.
/// </summary>
public sealed class TaxFreeCheckCommand : ICliCommand
{
    public string Path => "taxfree check";

    public string Usage => "--passport NUMBER --nationality CODE [--at DATETIME] [--rules FILE] [--db CONNECTION]";

    public string Summary => "Show a traveller's tax-free records, each record's status and the lane, as JSON.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--passport", "--nationality", "--at", "--rules"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? "taxfree check takes no positional arguments");
        }

        var passport = parsed.Option("--passport");
        if (string.IsNullOrWhiteSpace(passport))
        {
            return context.Usage("--passport is required");
        }

        var nationality = parsed.Option("--nationality");
        if (nationality is null || nationality.Length != 3 || !IcaoCountry.IsKnown(nationality))
        {
            return context.Usage("--nationality must be a three-letter ICAO Doc 9303 code, e.g. USA");
        }

        var at = context.Clock.GetUtcNow();
        if (parsed.Option("--at") is { } atText)
        {
            // An offset is required: a bare local time would be read in this machine's zone, not Japan's.
            if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.None, out at)
                || !(atText.EndsWith('Z') || atText.Length > 6 && atText[^6] is '+' or '-'))
            {
                return context.Usage($"--at '{atText}' is not an ISO 8601 date and time with an offset, e.g. 2027-01-30T12:00:00+09:00");
            }
        }

        var rules = TaxFreeLaneRules.Default;
        if (parsed.Option("--rules") is { } rulesFile)
        {
            try
            {
                rules = TaxFreeLaneRules.Read(await File.ReadAllTextAsync(rulesFile));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                return context.Usage($"--rules {rulesFile}: {e.Message}");
            }
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var zone = context.Airport.Zone;
        var result = await new TaxFreeDepartureQuery(dataSource).RunAsync(passport, nationality, at, zone, rules, CancellationToken.None);
        context.WriteJson(new
        {
            passportNumber = Risk(passport),
            nationality,
            checkedAt = at,
            checkDay = context.Airport.DateOf(at),
            lane = result.Check.Lane.Lane.ToString().ToLowerInvariant(),
            laneReasons = result.Check.Lane.Reasons.Select(r => r.ToString()),
            randomDraw = result.Draw is { } d ? new { seedId = d.SeedId, subject = d.Subject, value = d.Value, rate = d.Rate } : null,
            records = result.Check.Records.Select(c => new
            {
                shopId = c.Record.ShopId,
                recordId = c.Record.RecordId,
                purchasedAt = c.Record.PurchasedAt,
                regime = c.Regime.ToString().ToLowerInvariant(),
                purchaseDay = c.PurchaseDay,
                lastConfirmableDay = c.LastConfirmableDay,
                status = c.Status.ToString().ToLowerInvariant(),
                reasons = c.Reasons.Select(EligibilityAnswer.Name),
                total = c.Record.Total,
            }).Concat(result.Final.Select(f => new
            {
                shopId = f.ShopId,
                recordId = f.RecordId,
                purchasedAt = new DateTimeOffset(f.PurchasedAt, TimeSpan.Zero),
                regime = TaxFreeRules.RegimeOf(new DateTimeOffset(f.PurchasedAt, TimeSpan.Zero), zone).ToString().ToLowerInvariant(),
                purchaseDay = TaxFreeRules.PurchaseDay(new DateTimeOffset(f.PurchasedAt, TimeSpan.Zero), zone),
                lastConfirmableDay = (DateOnly?)null,
                status = f.State,
                reasons = (IEnumerable<string>)f.Reasons,
                total = f.ToDomain().Total,
            })),
        });
        return 0;
    }

    private static string Risk(string passport) => PassengerGate.Domain.Risk.DocumentNumber.Normalise(passport);
}
