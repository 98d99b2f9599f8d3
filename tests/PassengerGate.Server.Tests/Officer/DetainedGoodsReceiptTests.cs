using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Contracts.Officer;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Officer;

/// <summary>
/// "Detain goods with a receipt" over the real service: the officer holding a referred case records the goods, the
/// receipt PDF served to staff lists them with the case, officer and the airport's time and how to reclaim, passes
/// Debian's qpdf --check without a warning, and the case can then be closed as goods detained (not before).
/// </summary>
public sealed class DetainedGoodsReceiptTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_holder_records_detained_goods_and_the_receipt_lists_them_in_airport_time_and_passes_qpdf()
    {
        await using var kiosk = _server.KioskConnection(await _server.RegisterKioskAsync("NRT-DG1"));
        await kiosk.StartAsync();
        var sessionId = Guid.NewGuid();
        await kiosk.Hub().OpenArrivalSession(new OpenArrivalSession(sessionId));
        await kiosk.Hub().SubmitDocument(new SubmitDocument(sessionId, Guid.NewGuid(), Mrz.SpecimenWithBadDigit));
        var caseNumber = await db.ScalarAsync<long>($"SELECT case_number FROM referrals WHERE session_id = '{sessionId}'");
        Assert.True(caseNumber > 0);

        await using var officer = _server.OfficerConnection();
        await officer.StartAsync();
        await officer.InvokeAsync<CaseClaim>(nameof(IOfficerHub.ClaimCase), caseNumber);

        // Closing as "goods detained" before the goods are recorded is refused: the traveller would leave without a receipt.
        var early = await Assert.ThrowsAsync<HubException>(() => officer.InvokeAsync<CaseDecision>(nameof(IOfficerHub.DecideCase), new CaseDecisionRequest(caseNumber, CaseOutcome.GoodsDetained, null)));
        Assert.Contains("detained goods", early.Message, StringComparison.Ordinal);

        // Another officer, not holding the case, cannot record goods on it.
        var other = await _server.SignInAsync("dg-other", await _server.EnsureStaffAsync("dg-other", StaffRole.Officer, "NRT"));
        using var http = _server.HttpClient();
        var goods = new List<KeyValuePair<string, string>>
        {
            new("description", "象牙の置物 Ivory carving"), new("quantity", "1"), new("reason", "ワシントン条約の許可書が必要 / CITES permit required"),
            new("description", "肉製品 Beef jerky"), new("quantity", "3"), new("reason", "検疫証明書が必要 / Health certificate required"),
        };
        using (var refused = await PostGoodsAsync(http, other, caseNumber, goods))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        var recordedFrom = TimeProvider.System.GetUtcNow();
        using (var recorded = await PostGoodsAsync(http, _server.Officer, caseNumber, goods))
        {
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        }

        var recordedTo = TimeProvider.System.GetUtcNow();
        using (var twice = await PostGoodsAsync(http, _server.Officer, caseNumber, goods))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        using var receipt = await _server.Officer.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseNumber}/detained-goods-receipt.pdf"));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        var pdf = await receipt.Content.ReadAsByteArrayAsync();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = Squeezed(string.Join("\n", document.GetPages().Select(p => p.Text)));
            Assert.Contains(Squeezed("留置物品預り証"), text, StringComparison.Ordinal);
            Assert.Contains(Squeezed("Receipt for detained goods"), text, StringComparison.Ordinal);
            Assert.Contains(Squeezed("象牙の置物 Ivory carving"), text, StringComparison.Ordinal);
            Assert.Contains(Squeezed("肉製品 Beef jerky"), text, StringComparison.Ordinal);
            Assert.Contains($"DG-{caseNumber}", text, StringComparison.Ordinal);
            Assert.Contains(RunningServer.DefaultOfficer, text, StringComparison.Ordinal);
            Assert.Contains(Squeezed("How to reclaim"), text, StringComparison.Ordinal);
            // Narita time is UTC+9 (Japan Standard Time, no daylight saving): the minute the goods were recorded, there.
            var jst = TimeSpan.FromHours(9);
            var candidates = new[] { recordedFrom, recordedTo }.Select(t => t.ToOffset(jst).ToString("yyyy-MM-ddHH:mm", System.Globalization.CultureInfo.InvariantCulture) + "+09:00");
            Assert.Contains(candidates, c => text.Contains(c, StringComparison.Ordinal));
        }

        var (exitCode, output) = QpdfCheck(pdf);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors found", output, StringComparison.Ordinal);

        // Departure staff do not get the receipt; an officer of another airport finds no such case.
        var departure = await _server.SignInAsync("dg-departure", await _server.EnsureStaffAsync("dg-departure", StaffRole.Departure, "NRT"));
        using (var denied = await departure.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseNumber}/detained-goods-receipt.pdf")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var kix = await _server.SignInAsync("dg-kix", await _server.EnsureStaffAsync("dg-kix", StaffRole.Officer, "KIX"));
        using (var notFound = await kix.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseNumber}/detained-goods-receipt.pdf")))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        var decision = await officer.InvokeAsync<CaseDecision>(nameof(IOfficerHub.DecideCase), new CaseDecisionRequest(caseNumber, CaseOutcome.GoodsDetained, null));
        Assert.Equal(CaseOutcome.GoodsDetained, decision.Outcome);
        Assert.Equal(RunningServer.DefaultOfficer, await db.ScalarAsync<string>($"SELECT actor FROM audit_events WHERE action = 'case.goods_detained' AND subject = 'case:{caseNumber}'"));
    }

    private static async Task<HttpResponseMessage> PostGoodsAsync(HttpClient http, StaffSession session, long caseNumber, List<KeyValuePair<string, string>> goods)
    {
        var token = await session.AntiforgeryAsync(http);
        var fields = new List<KeyValuePair<string, string>>(goods) { new(token.FieldName, token.Token) };
        return await session.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseNumber}/detained-goods") { Content = new FormUrlEncodedContent(fields) });
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // Debian's qpdf, an independent parser that decodes every stream (qpdf manual, "--check": exit 0 = no errors or warnings).
    private static (int ExitCode, string Output) QpdfCheck(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "pgate-receipt-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("qpdf", ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("qpdf did not start (apt-get install qpdf; deploy/test.sh does this)");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
