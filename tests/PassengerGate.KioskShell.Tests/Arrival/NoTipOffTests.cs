using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Officer;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.KioskShell.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.KioskShell.Tests.Arrival;

/// <summary>
/// Issue 8, "no tip-off to the traveller" (decision 0007): a traveller whose passport is on the watchlist goes through
/// the real kiosk and service; the screen in all five languages and the printed slip say only "please see an officer",
/// while the officer's console is told the rule that fired.
/// </summary>
public sealed class NoTipOffTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string ListSource = "NoTipOff-Interpol-SLTD-7";
    private const string EntryReason = "wanted for smuggling inquiry 4711";

    /// <summary>
    /// Words for risk screening, watchlists, lists, rules and random selection in the kiosk's five languages (and the rule
    /// ids, list name and entry reason this test installs). None may reach the traveller.
    /// </summary>
    private static readonly string[] OfficerOnlyWords =
    [
        // English, and what RiskSetup and this test install.
        "watchlist", "watch list", "blacklist", "risk", "rule", "random", "selection", "selected", "stolen", "apis",
        "document-on-watchlist", "lost-or-stolen-document", ListSource, EntryReason, "4711",
        // Japanese: risk, caution list, rule(s), random, sampling, surveillance, blacklist, lost, stolen.
        "リスク", "要注意", "ルール", "規則", "無作為", "抽出", "抽選", "監視", "ブラックリスト", "紛失", "盗難",
        // Simplified Chinese: risk, list, rule, random, spot check, selection, reported lost, stolen.
        "风险", "名单", "规则", "随机", "抽查", "抽选", "挂失", "被盗",
        // Traditional Chinese.
        "風險", "名單", "隨機", "抽選", "掛失", "被盜",
        // Korean: risk (x2), surveillance, caution, blacklist, rule, random, lost, stolen.
        "위험", "리스크", "감시", "요주의", "블랙리스트", "규칙", "무작위", "분실", "도난",
    ];

    [FacesFact]
    public async Task A_watchlisted_traveller_sees_and_gets_only_please_see_an_officer_in_every_language_while_the_officer_sees_the_hit()
    {
        await using var server = await RunningServer.StartForKiosksAsync(db.ConnectionString);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await server.Services.GetRequiredService<RiskDataStore>().UpsertWatchlistEntriesAsync(
            [new WatchlistEntry { Kind = WatchlistKind.Watchlist, DocumentNumber = "TW0000008", Reason = EntryReason, Source = ListSource, ValidFrom = today.AddDays(-1) }],
            TimeProvider.System.GetUtcNow(),
            default);

        await using var officer = await server.SignedInOfficerConnectionAsync("officer-notipoff");
        var referral = new TaskCompletionSource<ReferralNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        officer.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), r =>
        {
            if (r.DocumentNumber == "TW0000008")
            {
                referral.TrySetResult(r);
            }
        });
        await officer.StartAsync();

        await using var kiosk = await KioskUnderTest.StartAsync(server, "NRT-UI-WATCH", new Dictionary<string, string?>
        {
            // Long enough to read the result screen in five languages on a busy machine.
            ["Kiosk:ResultDisplay"] = "00:05:00",
            // This test is about the words, not the deadline (ServiceLossTests covers that): a slow shared machine
            // must not turn the watchlist referral into "service unavailable".
            ["Kiosk:ServiceDeadline"] = "00:02:00",
        });
        await using var browser = await KioskBrowser.LaunchAsync("obama_2.jpg");
        var page = await browser.OpenAsync(kiosk);

        await page.ClickAsync("start");
        await page.WaitForScreenAsync("placePassport");
        kiosk.PlacePassport(Traveller.Adult("TW0000008"), "obama_1.jpg");
        await page.WaitForScreenAsync("declaration", KioskPage.FaceTimeoutMs);
        await page.FillDeclarationAsync();

        Assert.Equal("red", await page.LaneAsync());
        Assert.Equal(["seeOfficer"], await page.ReasonCodesAsync());

        // The officer is told why: the watchlist rule, by id.
        var notice = await referral.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(notice.Reasons, r => r.Code == ReferralCodes.RiskHit && r.Text.Contains("document-on-watchlist", StringComparison.Ordinal));

        foreach (var language in new[] { "ja", "en", "zh-Hans", "zh-Hant", "ko" })
        {
            await page.ChooseLanguageAsync(language);
            await page.Page.WaitForSelectorAsync($"html[lang='{language}']");
            await page.WaitForScreenAsync("result");
            var reason = await page.Page.InnerTextAsync(".reasons li[data-code='seeOfficer']");
            Assert.False(string.IsNullOrWhiteSpace(reason) || reason == "reason_seeOfficer", $"{language}: reason not worded ({reason})");
            Assert.True(InScript(language, reason), $"{language}: {reason}");
            // Everything in the document, hidden or not (the live region a screen reader speaks included).
            var everything = await page.Page.EvaluateAsync<string>("() => document.body.textContent + ' ' + document.title");
            AssertNoOfficerWords(everything, $"screen in {language}");
        }

        var slip = await kiosk.WaitForSlipsAsync(1);
        Assert.Single(slip.Cuts);
        var printed = string.Join("\n", slip.Lines.Select(l => l.Text));
        Assert.Contains("Please see a customs officer.", printed, StringComparison.Ordinal);
        Assert.Contains("[seeOfficer]", printed, StringComparison.Ordinal);
        AssertNoOfficerWords(printed, "slip");

        // The kiosk's answer is also kept as the idempotent reply to its command: that copy is the traveller-safe one too.
        var stored = await db.ScalarAsync<string>(
            $"SELECT string_agg(c.response::text, ' ') FROM processed_commands c JOIN referrals r ON r.session_id = c.session_id WHERE r.case_number = {notice.CaseNumber}");
        Assert.NotNull(stored);
        Assert.Contains("seeOfficer", stored, StringComparison.Ordinal);
        AssertNoOfficerWords(stored, "stored kiosk answer");
    }

    private static void AssertNoOfficerWords(string text, string where)
    {
        var found = OfficerOnlyWords.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(found.Count == 0, $"{where} contains {string.Join(", ", found)}: {text}");
    }

    /// <summary>Unicode blocks (Unicode 15): Hiragana/Katakana U+3040–U+30FF, CJK Unified Ideographs U+4E00–U+9FFF, Hangul Syllables U+AC00–U+D7A3.</summary>
    private static bool InScript(string language, string text) => language switch
    {
        "ja" => text.Any(c => c is >= '\u3040' and <= '\u30FF'),
        "zh-Hans" or "zh-Hant" => text.Any(c => c is >= '\u4E00' and <= '\u9FFF') && !text.Any(c => c is >= '\u3040' and <= '\u30FF'),
        "ko" => text.Any(c => c is >= '\uAC00' and <= '\uD7A3'),
        _ => text.All(c => c < '\u0080'),
    };
}
