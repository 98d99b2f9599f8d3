using PassengerGate.Data.Caching;

namespace PassengerGate.Server.Features.ReferenceData;

/// <summary>
/// Keeps the node's <see cref="ReferenceDataCache"/> told of every change to kiosk credentials, rates, risk rules,
/// watchlist and selection seeds, from whichever node or tool made it (decision 0028). Until it is listening, and
/// whenever its connection is lost, the cache serves nothing and every read goes to PostgreSQL.
/// </summary>
public sealed partial class ListenForReferenceChanges(ReferenceDataCache cache, IConfiguration configuration, ILogger<ListenForReferenceChanges> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("PassengerGate")
            ?? throw new InvalidOperationException("ConnectionStrings:PassengerGate is not set.");
        return cache.ListenAsync(connectionString, ex => LogLost(logger, ex), stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reference-data change notifications lost; reading from PostgreSQL until they are back")]
    private static partial void LogLost(ILogger logger, Exception ex);
}
