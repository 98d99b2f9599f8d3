using PassengerGate.Data.Arrival;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Time;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Purges personal data on its schedules (docs/decisions/0005 and 0008):
/// <list type="bullet">
/// <item>finished sessions after <c>Retention:ArrivalSessions</c> (default 30 days, an operator setting: the legal
/// period depends on the jurisdiction); open referrals keep their data until an officer closes them;</item>
/// <item>stored answers to kiosk commands after <c>Retention:CommandAnswers</c> (default 1 day: they exist for a
/// kiosk resending after a reconnect);</item>
/// <item>advance passenger records once their flight's arrival day is more than <c>Retention:AdvancePassengerDays</c>
/// airport days past (default 1: EU Directive 2004/82/EC art. 6(1) has authorities delete API data within 24 hours
/// of transmission unless needed for their statutory functions).</item>
/// </list>
/// </summary>
public sealed class PurgeExpiredPersonalData(
    PersonalDataStore store,
    RiskDataStore risk,
    AirportClock airport,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<PurgeExpiredPersonalData> logger) : BackgroundService
{
    public sealed record Counts(int Sessions, int Referrals, int CommandAnswers, int AdvancePassengerRecords);

    public TimeSpan Retention => configuration.GetValue("Retention:ArrivalSessions", TimeSpan.FromDays(30));

    public TimeSpan CommandAnswerRetention => configuration.GetValue("Retention:CommandAnswers", TimeSpan.FromDays(1));

    public int AdvancePassengerDays => configuration.GetValue("Retention:AdvancePassengerDays", 1);

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

    public async Task<Counts> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await store.PurgeFinishedBeforeAsync(now - Retention, now, ct);
        var answers = await store.DeleteCommandAnswersBeforeAsync(now - CommandAnswerRetention, ct);

        // Kept while the arrival day is within AdvancePassengerDays of the airport's today.
        var apis = await risk.DeleteApisBeforeAsync(airport.DateOf(now).AddDays(-AdvancePassengerDays), ct);
        var counts = new Counts(sessions.Sessions, sessions.Referrals, answers, apis);
        if (counts != new Counts(0, 0, 0, 0))
        {
            logger.LogInformation(
                "Purged personal data: {Sessions} sessions and {Referrals} referrals older than {Retention}, {Answers} command answers, {Apis} advance passenger records",
                counts.Sessions, counts.Referrals, Retention, counts.CommandAnswers, counts.AdvancePassengerRecords);
        }

        return counts;
    }
}
