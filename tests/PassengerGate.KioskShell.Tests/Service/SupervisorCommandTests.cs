using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Staff;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Service;

/// <summary>
/// Issue 9: taking a kiosk out of service is a supervisor's act (decision 0011). A signed-in supervisor's console
/// connection sends the same hub call the dashboard's button sends (SupervisorDashboardTests clicks that button), and
/// the real kiosk's screen shows it; an officer's identical call is refused and the kiosk keeps serving passengers.
/// </summary>
public sealed class SupervisorCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_supervisor_takes_the_real_kiosk_out_of_service_and_returns_it_while_an_officer_cannot()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-SUP-1");
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);
        await page.WaitForScreenAsync("welcome");

        await using var officer = await server.SignedInStaffConnectionAsync("officer-supcmd", StaffRole.Officer);
        await officer.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => officer.InvokeAsync(nameof(IOfficerHub.SetKioskInService), "NRT-SUP-1", false, "officer tries"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'kiosk.commanded' AND subject = 'kiosk:NRT-SUP-1'"));
        Assert.Equal("welcome", await page.Page.GetAttributeAsync("body", "data-screen"));

        await using var supervisor = await server.SignedInStaffConnectionAsync("super-supcmd", StaffRole.Supervisor);
        await supervisor.StartAsync();
        await supervisor.InvokeAsync(nameof(IOfficerHub.SetKioskInService), "NRT-SUP-1", false, "Taken out of service from the supervisor dashboard");
        await page.WaitForScreenAsync("outOfService");
        Assert.Equal("remote", await page.Page.GetAttributeAsync("section.out-of-service", "data-code"));
        Assert.Equal("super-supcmd", await db.ScalarAsync<string>("SELECT actor FROM audit_events WHERE action = 'kiosk.commanded' AND subject = 'kiosk:NRT-SUP-1'"));

        await supervisor.InvokeAsync(nameof(IOfficerHub.SetKioskInService), "NRT-SUP-1", true, null);
        await page.WaitForScreenAsync("welcome");
    }
}
