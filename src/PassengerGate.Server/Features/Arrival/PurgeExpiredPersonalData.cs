using PassengerGate.Data.Arrival;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Personal data of finished sessions is kept for Retention:ArrivalSessions (default 30 days, an
/// operator setting: the legal period depends on the jurisdiction, see docs/decisions/0005) and
/// then purged. Open referrals keep their data until an officer closes them.
/// </summary>
public sealed class PurgeExpiredPersonalData(PersonalDataStore store, TimeProvider clock, IConfiguration configuration, ILogger<PurgeExpiredPersonalData> logger) : BackgroundService
{
    public TimeSpan Retention => configuration.GetValue("Retention:ArrivalSessions", TimeSpan.FromDays(30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Retention:SweepInterval", TimeSpan.FromHours(1)), clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging expired personal data failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<PersonalDataStore.PurgeCounts> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = await store.PurgeFinishedBeforeAsync(now - Retention, now, ct);
        if (counts.Sessions + counts.Referrals > 0)
        {
            logger.LogInformation("Purged personal data of {Sessions} sessions and {Referrals} referrals older than {Retention}", counts.Sessions, counts.Referrals, Retention);
        }

        return counts;
    }
}
