using System.Data.Common;
using Microsoft.Extensions.Options;
using PassengerGate.Data.PreDeclarations;

namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>
/// Deletes pre-declarations not used <see cref="PreDeclarationOptions.UnusedRetention"/> after their QR expired at the
/// end of the arrival day (72 h: Canada's advance declaration is purged after 72 h, anchors.md; decision 0017), and used ones
/// <see cref="PreDeclarationOptions.UsedRetention"/> after use (decision 0008). Runs at start and every
/// <see cref="PreDeclarationOptions.PurgeInterval"/> on the injected clock.
/// </summary>
public sealed partial class PurgeUnusedPreDeclarations(
    PreDeclarationStore store,
    TimeProvider clock,
    IOptions<PreDeclarationOptions> options,
    ILogger<PurgeUnusedPreDeclarations> logger) : BackgroundService
{
    /// <summary>Returns how many pre-declarations were deleted, unused and used together.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.UnusedRetention;
        var deleted = await store.DeleteUnusedExpiredBeforeAsync(cutoff, ct);
        if (deleted > 0)
        {
            LogPurged(deleted, cutoff);
        }

        var usedCutoff = now - options.Value.UsedRetention;
        var used = await store.DeleteUsedBeforeAsync(usedCutoff, ct);
        if (used > 0)
        {
            LogPurgedUsed(used, usedCutoff);
        }

        return deleted + used;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} unused pre-declarations expired before {Cutoff}")]
    private partial void LogPurged(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} pre-declarations used before {Cutoff}")]
    private partial void LogPurgedUsed(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging unused pre-declarations failed")]
    private partial void LogFailed(Exception ex);
}
