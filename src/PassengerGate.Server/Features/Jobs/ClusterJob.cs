using PassengerGate.Data.Jobs;

namespace PassengerGate.Server.Features.Jobs;

/// <summary>
/// A background job that runs once per <see cref="Interval"/> across all service nodes, not once per node (decision
/// 0024): each tick, a node claims the run in PostgreSQL and only the claimant works. A failed run is logged and the
/// next tick tries again; a node that dies mid-run leaves the work to the next interval (every job here is idempotent).
/// </summary>
public abstract class ClusterJob(JobRunStore runs, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Who claimed, in the claim row: the host, the process and this job instance (two nodes may share a process in tests).</summary>
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The service's clock, for the job's own cut-offs too.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The claim's key; stable across versions.</summary>
    protected abstract string JobName { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether a node tries a run as it starts (purges) or only after the first interval (the stale sweep).</summary>
    protected virtual bool RunAtStart => true;

    /// <summary>The work itself.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    /// <summary>Claims and, when this node won the claim, runs once. True when it ran.</summary>
    public async Task<bool> TryRunAsync(CancellationToken ct)
    {
        // A claim counts as fresh for 90 % of the interval, so timers that drift by milliseconds never skip a period.
        if (!await runs.TryClaimAsync(JobName, _node, Clock.GetUtcNow(), Interval * 0.9, ct))
        {
            return false;
        }

        await RunOnceAsync(ct);
        return true;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        if (!RunAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                await TryRunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting; the next tick tries again.
                logger.LogError(ex, "Background job {Job} failed", JobName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
