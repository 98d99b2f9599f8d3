using Microsoft.Extensions.Options;
using PassengerGate.Data.Jobs;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Server.Features.Jobs;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>
/// Deletes currency declarations on schedule (decision 0022, amending 0005): those nothing requires kept after
/// <see cref="CurrencyOptions.Retention"/>, those FATF R.32 asks kept (over the threshold, false declarations,
/// suspicions) after <see cref="CurrencyOptions.KeptRetention"/>. Cash still restrained is never purged.
/// </summary>
public sealed partial class PurgeCurrencyDeclarations(
    CurrencyDeclarationStore store,
    TimeProvider clock,
    IOptions<CurrencyOptions> options,
    JobRunStore runs,
    ILogger<PurgeCurrencyDeclarations> logger) : ClusterJob(runs, clock, logger)
{
    protected override string JobName => "purge-currency-declarations";

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeOnceAsync(ct);

    public async Task<(int Plain, int Kept)> PurgeOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var purged = await store.PurgeAsync(now - options.Value.Retention, now - options.Value.KeptRetention, ct);
        if (purged.Plain + purged.Kept > 0)
        {
            LogPurged(purged.Plain, purged.Kept);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Plain} currency declarations past retention and {Kept} kept ones past the FATF period")]
    private partial void LogPurged(int plain, int kept);

}
