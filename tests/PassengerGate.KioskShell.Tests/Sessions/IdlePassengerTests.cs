using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Tests.Sessions;

/// <summary>
/// Who the kiosk wipes as idle (DeviceSupervisor): a passenger the kiosk waits for, after the idle timeout; never one
/// who waits for the kiosk or the service (the chip read, a decision), until the allowance for a hung device or page
/// (10 minutes beyond the timeout) has passed. The supervisor runs on its own timer; the clock it reads is the test's.
/// </summary>
public sealed class IdlePassengerTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset LastTouch = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_passenger_the_kiosk_waits_for_is_wiped_after_the_idle_timeout()
    {
        var kiosk = new Kiosk { Working = false };
        Assert.Equal("idle-timeout", await SuperviseAsync(kiosk, LastTouch + IdleTimeout + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_passenger_waiting_for_the_kiosk_or_the_service_is_not_idle_however_slow_the_work_until_the_allowance()
    {
        // Three idle timeouts into a slow chip read or decision: still served.
        Assert.Null(await SuperviseAsync(new Kiosk { Working = true }, LastTouch + (3 * IdleTimeout)));
        // A device or a service that never answers: wiped once the allowance beyond the timeout has passed.
        Assert.Equal("idle-timeout", await SuperviseAsync(new Kiosk { Working = true }, LastTouch + IdleTimeout + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1)));
    }

    /// <summary>Runs the supervisor with the clock at <paramref name="now"/> until it wipes the passenger or 3 s pass.</summary>
    private static async Task<string?> SuperviseAsync(Kiosk kiosk, DateTimeOffset now)
    {
        var options = Options.Create(new KioskOptions { IdleTimeout = IdleTimeout });
        // Never connected: the supervisor asks it nothing but whether it is.
        await using var link = new ServiceLink(options, NullLogger<ServiceLink>.Instance);
        var supervisor = new DeviceSupervisor(link, new DeviceHealth(), options, new StoppedClock(now), NullLogger<DeviceSupervisor>.Instance);
        supervisor.Attach(kiosk);
        using var stop = new CancellationTokenSource();
        var running = supervisor.RunAsync(stop.Token);
        await Task.WhenAny(kiosk.Wiped.Task, Task.Delay(TimeSpan.FromSeconds(3)));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        return kiosk.Wiped.Task.IsCompleted ? kiosk.Wiped.Task.Result : null;
    }

    /// <summary>Reads as <paramref name="now"/>; its timers are the system's, so the supervisor's ticks still come.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Kiosk : ISupervisedKiosk
    {
        public TaskCompletionSource<string> Wiped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Working { get; init; }

        public bool PassengerActive => true;

        public bool AwaitingService => Working;

        public bool FaceCheckRunning => false;

        DateTimeOffset ISupervisedKiosk.LastTouch => LastTouch;

        public UiScreen Screen => UiScreen.ReadingChip;

        public void Cancel(string reason) => Wiped.TrySetResult(reason);

        public void ShowAvailability(string? outOfServiceCode)
        {
        }

        public void ShowFaceThreshold(double faceThreshold)
        {
        }
    }
}
