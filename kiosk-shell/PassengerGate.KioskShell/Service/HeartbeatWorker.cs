using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Sessions;

namespace PassengerGate.KioskShell.Service;

/// <summary>
/// Tells the service, every few seconds and at once when a device changes, that the kiosk lives, whether
/// it takes passengers, and how each device is (a fault text instead of "ok").
/// </summary>
public sealed class HeartbeatWorker(ServiceLink link, DeviceHealth health, KioskConversation conversation, IOptions<KioskOptions> options, ILogger<HeartbeatWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0);
        health.Changed += (_, _) => changed.Release();
        link.Connected += (_, _) => changed.Release();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var status = conversation.Current.Screen == Ui.UiScreen.OutOfService || !health.AllOk ? "out-of-service" : "in-service";
                await link.SendHeartbeatAsync(new KioskHeartbeat(status, health.Snapshot()), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Heartbeat not delivered: {Message}", ex.Message);
            }

            // A device change or a reconnect sends at once; otherwise once per interval.
            await changed.WaitAsync(options.Value.HeartbeatInterval, stoppingToken);
            while (changed.CurrentCount > 0)
            {
                await changed.WaitAsync(stoppingToken);
            }
        }
    }
}
