using Microsoft.Extensions.Options;
using PassengerGate.Data.Jobs;
using PassengerGate.Data.TaxFree;
using PassengerGate.Server.Features.Jobs;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Removes the traveller's identifiers from tax-free records past their retention (docs/taxfree-rules.md §7, amending
/// decision 0005): <see cref="TaxFreeRetentionOptions.Retention"/> after the record was decided, or after the purchase
/// when it never was. Runs once across nodes (a cluster job), in batches so a backlog never holds one long transaction.
/// </summary>
public sealed partial class PurgeTaxFreePersonalData(
    TaxFreeStore store,
    TimeProvider clock,
    IOptions<TaxFreeRetentionOptions> options,
    JobRunStore runs,
    ILogger<PurgeTaxFreePersonalData> logger) : ClusterJob(runs, clock, logger)
{
    private const int Batch = 10_000;

    protected override string JobName => "purge-taxfree-personal-data";

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeOnceAsync(ct);

    public async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var total = 0;
        int purged;
        do
        {
            purged = await store.PurgePersonalDataAsync(now - options.Value.Retention, now, Batch, ct);
            total += purged;
        }
        while (purged == Batch);

        if (total > 0)
        {
            LogPurged(total);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the traveller's identifiers from {Count} tax-free records past retention")]
    private partial void LogPurged(int count);
}

/// <summary>Configuration section <c>TaxFree:Retention</c> (docs/taxfree-rules.md §7).</summary>
public sealed class TaxFreeRetentionOptions
{
    public const string Section = "TaxFree:Retention";

    /// <summary>
    /// How long a record keeps the traveller's identifiers after its decision (or purchase, if never decided): five years,
    /// the period in which a consumption-tax assessment may still be made (National Tax General Rules Act art. 70).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(5 * 365);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
