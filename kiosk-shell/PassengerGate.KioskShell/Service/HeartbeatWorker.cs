using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Service;

/// <summary>Tells the service, every few seconds, that the kiosk lives and how its devices are.</summary>
public sealed class HeartbeatWorker(ServiceLink link, IOptions<KioskOptions> options, ILogger<HeartbeatWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await link.SendHeartbeatAsync(new KioskHeartbeat("in-service", new Dictionary<string, string> { ["passportReader"] = "ok", ["printer"] = "ok" }), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Heartbeat not delivered: {Message}", ex.Message);
            }
        }
    }
}
