using System.Diagnostics;
using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate taxfree import FILE --shop SHOP_ID`: backfill of purchase records, one JSON record per line (the body of
/// POST /api/taxfree/records), written with Npgsql binary COPY in batches. Every line that is not taken is reported
/// with its line number and why: field errors, a record id twice in the file, or an id the shop already has. The
/// floor per shop per day is counted within a batch here; the departure check counts it again over all records.
/// </summary>
public sealed class TaxFreeImportCommand : ICliCommand
{
    public const int BatchSize = 50_000;
    private const int MaxRejectedInOutput = 1_000;

    public string Path => "taxfree import";

    public string Usage => "FILE --shop SHOP_ID [--rejected FILE] [--db CONNECTION]";

    public string Summary => "Bulk-import purchase records (JSON lines) with binary COPY; report rejected rows.";

    private sealed record Rejected(long Line, string? RecordId, IReadOnlyList<string> Errors);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--db", "--shop", "--rejected"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 1)
        {
            return context.Usage(parsed.Error ?? "usage: pgate taxfree import FILE --shop SHOP_ID");
        }

        var shopId = parsed.Option("--shop");
        if (!ShopApiKey.IsValidShopId(shopId))
        {
            return context.Usage("--shop SHOP_ID is required (a shop added with `pgate shop add`)");
        }

        var file = parsed.Positionals[0];
        if (!File.Exists(file))
        {
            return context.Usage($"no such file: {file}");
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB");
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var store = new TaxFreeStore(dataSource);
        var shops = await store.ListShopsAsync(CancellationToken.None);
        if (!shops.Any(s => s.ShopId == shopId && s.RevokedAt is null))
        {
            return context.Fail($"no active shop '{shopId}'");
        }

        var zone = context.Airport.Zone;
        var now = context.Clock.GetUtcNow();
        var rejected = new List<Rejected>();
        var rejectedCount = 0L;
        var imported = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        await using var rejectedOut = parsed.Option("--rejected") is { } rejectedFile ? new StreamWriter(rejectedFile) : null;

        void Reject(Rejected row)
        {
            rejectedCount++;
            rejectedOut?.WriteLine(CliJson.Serialize(row));
            if (rejected.Count < MaxRejectedInOutput)
            {
                rejected.Add(row);
            }
        }

        var batch = new List<(long Line, PurchaseRecord Record)>(BatchSize);
        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var groups = batch.Select(b => b.Record)
                .GroupBy(r => (r.PassportNumber, r.Nationality, Day: TaxFreeRules.PurchaseDay(r.PurchasedAt, zone)))
                .ToDictionary(g => g.Key, g => g.ToList());
            var rows = batch.Select(b =>
            {
                var r = b.Record;
                var day = TaxFreeRules.PurchaseDay(r.PurchasedAt, zone);
                var reasons = TaxFreeRules.Eligibility(r, groups[(r.PassportNumber, r.Nationality, day)], zone);
                return new TaxFreeStore.NewRecord(shopId!, r.RecordId, r.PassportNumber, r.Nationality, r.PurchasedAt, day, r.Total,
                    PurchaseRecordJson.ItemsJson(r.Items), PurchaseRecordJson.BodyHash(r), EligibilityAnswer.Json(r, reasons, zone), now,
                    EligibilityAnswer.State(reasons), reasons.Select(EligibilityAnswer.Name).ToArray());
            });
            var skipped = (await store.ImportAsync(rows, CancellationToken.None)).ToHashSet(StringComparer.Ordinal);
            foreach (var (line, record) in batch)
            {
                if (skipped.Contains(record.RecordId))
                {
                    Reject(new Rejected(line, record.RecordId, ["the shop already has a record with this id"]));
                }
            }

            imported += batch.Count - skipped.Count;
            batch.Clear();
        }

        using (var reader = new StreamReader(file))
        {
            var lineNumber = 0L;
            while (await reader.ReadLineAsync() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var read = PurchaseRecordJson.Read(line, shopId!);
                if (!read.IsValid)
                {
                    Reject(new Rejected(lineNumber, null, read.Errors.Select(e => $"{e.Path}: {e.Message}").ToList()));
                    continue;
                }

                if (!seen.Add(read.Record!.RecordId))
                {
                    Reject(new Rejected(lineNumber, read.Record.RecordId, ["the record id appears earlier in the file"]));
                    continue;
                }

                batch.Add((lineNumber, read.Record));
                if (batch.Count == BatchSize)
                {
                    await FlushAsync();
                }
            }
        }

        await FlushAsync();
        watch.Stop();
        context.WriteJson(new
        {
            shopId,
            imported,
            rejected = rejectedCount,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            recordsPerSecond = watch.Elapsed.TotalSeconds > 0 ? Math.Round(imported / watch.Elapsed.TotalSeconds) : 0,
            rejectedRows = rejected,
            rejectedRowsTruncated = rejectedCount > rejected.Count,
        });
        return 0;
    }
}
