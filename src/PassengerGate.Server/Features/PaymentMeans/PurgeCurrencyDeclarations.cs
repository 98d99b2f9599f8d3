using System.Data.Common;
using Microsoft.Extensions.Options;
using PassengerGate.Data.PaymentMeans;

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
    ILogger<PurgeCurrencyDeclarations> logger) : BackgroundService
{
    public async Task<(int Plain, int Kept)> PurgeOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var purged = await store.PurgeAsync(now - options.Value.Retention, now - options.Value.KeptRetention, ct);
        if (purged.Plain + purged.Kept > 0)
        {
            LogPurged(purged.Plain, purged.Kept);
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (DbException ex)
            {
                // The database may be restarting; the next tick tries again.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Plain} currency declarations past retention and {Kept} kept ones past the FATF period")]
    private partial void LogPurged(int plain, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging currency declarations failed")]
    private partial void LogFailed(Exception ex);
}
