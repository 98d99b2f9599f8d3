using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// Issue 8, points 3 and 5, through the real kiosk process and Chromium against the real service (decision 0008):
/// the lost/stolen screen runs as soon as the document is read, so a stolen passport whose chip also fails reaches the
/// officer with both reasons; and a referred traveller who tries another kiosk is referred again with the same
/// random-selection draw (drawn per document and flight, not per session).
/// </summary>
public sealed class EveryCheckAtTheKioskTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_stolen_listed_passport_with_a_chip_fault_reaches_the_officer_with_the_stolen_hit_and_the_chip_reason()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        await server.Services.GetRequiredService<RiskDataStore>().UpsertWatchlistEntriesAsync(
            [new WatchlistEntry { Kind = WatchlistKind.LostStolen, DocumentNumber = "TK0000001", Reason = "reported stolen", Source = "SLTD kiosk test", ValidFrom = new DateOnly(2026, 1, 1) }],
            TimeProvider.System.GetUtcNow(),
            default);
        await using var officer = await server.SignedInOfficerConnectionAsync("officer-everycheck");
        var referral = new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r =>
        {
            if (r.DocumentNumber == "TK0000001")
            {
                referral.TrySetResult(r);
            }
        });
        await officer.StartAsync();

        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-EVERY-1", new Dictionary<string, string?> { ["Kiosk:ServiceDeadline"] = "00:01:00" });
        await using var browser = await KioskBrowser.LaunchAsync(null);
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        // The document signer's signature over EF.SOD is broken: passive authentication fails at the document step.
        kiosk.PlacePassport(Traveller.Adult("TK0000001"), null, fault: ChipFaultMode.WrongSignature);

        Assert.Equal("red", await page.LaneAsync());
        var notice = await referral.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(notice.Reasons, r => r.Code == "PA_SIGNATURE_INVALID");
        Assert.Contains(notice.Reasons, r => r.Code == ReferralCodes.RiskHit && r.Text.Contains("lost-or-stolen-document", StringComparison.Ordinal));
        // The traveller is not told about the list (decision 0007).
        Assert.DoesNotContain(await page.ReasonCodesAsync(), c => c.Contains("risk", StringComparison.OrdinalIgnoreCase) || c.Contains("stolen", StringComparison.OrdinalIgnoreCase));
    }

    [FacesFact]
    public async Task A_referred_traveller_trying_a_second_kiosk_is_referred_again_with_the_same_selection_draw()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        // Every traveller is selected, so the first kiosk refers; the second must meet the same draw, not a new one.
        await RiskSetup.InstallAsync(server.Services, randomRate: 1.0);
        var settings = new Dictionary<string, string?> { ["Kiosk:ServiceDeadline"] = "00:01:00" };
        await using var kioskA = await KioskUnderTest.StartAsync(server, "NRT-EVERY-A", settings);
        await using var kioskB = await KioskUnderTest.StartAsync(server, "NRT-EVERY-B", settings);
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");

        var pageA = await browser.OpenAsync(kioskA);
        await pageA.ClickAsync("start");
        await pageA.WaitForScreenAsync("placePassport");
        kioskA.PlacePassport(Traveller.Adult("TK0000002"), "obama_1.jpg");
        await pageA.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await pageA.FillDeclarationAsync();
        Assert.Equal("red", await pageA.LaneAsync());
        var first = await SessionOfAsync("NRT-EVERY-A");
        Assert.Contains(ReferralCodes.RandomSelection, await ReferralCodesAsync(first));

        var pageB = await browser.OpenAsync(kioskB);
        await pageB.ClickAsync("start");
        await pageB.WaitForScreenAsync("placePassport");
        kioskB.PlacePassport(Traveller.Adult("TK0000002"), "obama_1.jpg");
        await pageB.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await pageB.FillDeclarationAsync();
        Assert.Equal("red", await pageB.LaneAsync());
        var second = await SessionOfAsync("NRT-EVERY-B");

        var reasons = await ReferralCodesAsync(second);
        Assert.Contains(ReferralCodes.PreviouslyReferred, reasons);
        Assert.Contains(ReferralCodes.RandomSelection, reasons);
        var firstDraw = await DrawAsync(first);
        Assert.NotNull(firstDraw.Value);
        Assert.Equal(firstDraw, await DrawAsync(second));
        Assert.DoesNotContain(await pageB.ReasonCodesAsync(), c => c.Contains("random", StringComparison.OrdinalIgnoreCase) || c.Contains("previously", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<Guid> SessionOfAsync(string kioskId) =>
        Guid.Parse(await db.ScalarAsync<string>($"SELECT session_id::text FROM arrival_sessions WHERE kiosk_id = '{kioskId}' ORDER BY opened_at DESC LIMIT 1")
                   ?? throw new InvalidOperationException($"no session at {kioskId}"));

    private async Task<IReadOnlyList<string>> ReferralCodesAsync(Guid sessionId) =>
        ((await db.ScalarAsync<string>($"SELECT string_agg(r->>'code', ',') FROM referrals, jsonb_array_elements(reasons) r WHERE session_id = '{sessionId}'")) ?? string.Empty)
        .Split(',', StringSplitOptions.RemoveEmptyEntries);

    private async Task<(string? Subject, string? Value)> DrawAsync(Guid sessionId) =>
        (await db.ScalarAsync<string>($"SELECT facts->'risk'->>'subject' FROM arrival_sessions WHERE session_id = '{sessionId}'"),
         await db.ScalarAsync<string>($"SELECT facts->'risk'->>'draw' FROM arrival_sessions WHERE session_id = '{sessionId}'"));
}
