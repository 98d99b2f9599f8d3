using Microsoft.Extensions.Options;
using PassengerGate.Data.PreDeclarations;
using PassengerGate.Data.Jobs;
using PassengerGate.Server.Features.Jobs;

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
    JobRunStore runs,
    ILogger<PurgeUnusedPreDeclarations> logger) : ClusterJob(runs, clock, logger)
{
    protected override string JobName => "purge-pre-declarations";

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeOnceAsync(ct);

    /// <summary>Returns how many pre-declarations were deleted, unused and used together.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
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


    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} unused pre-declarations expired before {Cutoff}")]
    private partial void LogPurged(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} pre-declarations used before {Cutoff}")]
    private partial void LogPurgedUsed(int count, DateTimeOffset cutoff);

}
