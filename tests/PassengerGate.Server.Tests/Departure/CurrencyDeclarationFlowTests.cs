using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Departure;
using PassengerGate.Domain.Staff;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Departure;

/// <summary>
/// Currency declarations over the real service, database and SignalR (decision 0022): stored with their assessment,
/// counted by departure staff with the difference shown, decided as a false declaration with cash restrained, found
/// in the FIU export, and screened for structuring with the declarations as evidence. Thresholds: Japan's
/// FEFTA art. 19(3) "over ¥1,000,000" (docs/currency-rules.md); the structuring margin is the default 10 %.
/// </summary>
public sealed class CurrencyDeclarationFlowTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RunningServer _server = null!;
    private StaffSession _departure = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(db.ConnectionString, configure: c => c["Staff:SignInAttemptsPerMinute"] = "1000");
        await _server.ImportTestRatesAsync();
        _departure = await _server.SignInAsync("cd-departure", await _server.EnsureStaffAsync("cd-departure", StaffRole.Departure, "NRT"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_mixed_currency_declaration_counted_short_of_the_truth_becomes_a_false_declaration_with_restrained_cash_in_the_FIU_export()
    {
        await using var desk = _server.DepartureConnection(_departure);
        var pushed = new TaskCompletionSource<DepartureDeclarationView>(TaskCreationOptions.RunContinuationsAsynchronously);
        desk.On<DepartureDeclarationView>(nameof(IDepartureClient.DeclarationChanged), v =>
        {
            if (v.Status == DepartureDeclarationStatus.FalseDeclaration)
            {
                pushed.TrySetResult(v);
            }
        });
        await desk.StartAsync();
        var today = _server.AirportToday();

        // ¥750,000 and US$5,000 at the test rate of ¥150.00 = ¥750,000: ¥1,500,000 in all, over ¥1,000,000.
        var receipt = await desk.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
            DepartureSupport.DepartureJson(today, "SATO TARO", "TR0000001", "FLOW01", "NH861", ("JPY", 750_000m), ("USD", 5_000m))));
        Assert.Empty(receipt.Errors);
        Assert.True(receipt.DeclarationRequired);
        var id = receipt.Id!.Value;

        var queued = (await desk.InvokeAsync<DepartureWorklist>(nameof(IDepartureHub.GetQueue))).Declarations.Single(d => d.Id == id);
        Assert.Equal(1_500_000m, queued.Total);
        Assert.Equal("SATO TARO", queued.BearerName);
        var usd = queued.Instruments.Single(i => i.Currency == "USD");
        Assert.Equal(750_000m, usd.ReportingValue);
        Assert.Equal($"{today.AddDays(-3):yyyy-MM-dd}/{today.AddDays(3):yyyy-MM-dd}", usd.RateWeek);

        // Staff count US$6,000: 1,000 more than declared; ¥900,000 at the recorded rate, ¥1,650,000 in all (+¥150,000).
        var counted = await desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.RecordCount), new RecordCountRequest(id, [new CountedAmount(usd.Path, 6_000m)]));
        Assert.Equal(1_000m, counted.Instruments.Single(i => i.Path == usd.Path).Difference);
        Assert.Equal(0m, counted.Instruments.Single(i => i.Currency == "JPY").Difference);
        Assert.Equal(1_650_000m, counted.CountedTotal);
        Assert.Equal(150_000m, counted.CountDifference);

        // A count that differs cannot be "verified".
        var refused = await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(id, DepartureOutcome.Verified, null, null, null, null)));
        Assert.Contains("differs", refused.Message, StringComparison.Ordinal);

        // A false declaration without origin and intended use is refused; with them, the cash is restrained.
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(id, DepartureOutcome.FalseDeclaration, null, null, 1_650_000m, null)));
        var decided = await desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(id, DepartureOutcome.FalseDeclaration, "sale of a car", "buying stock in Seoul", 1_650_000m, null));
        Assert.Equal(DepartureDeclarationStatus.FalseDeclaration, decided.Status);
        Assert.Equal(1_650_000m, decided.RestrainedAmount);
        Assert.NotNull(decided.RetentionReceipt);
        Assert.Equal(id, (await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Id);

        // Decided once: a second outcome is refused.
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.Decide), new DecideDeclarationRequest(id, DepartureOutcome.ReferredFiu, null, null, null, null)));

        // Kept under FATF R.32: a false declaration.
        Assert.Equal("falseDeclaration", await db.ScalarAsync<string>($"SELECT retain_reason FROM currency_declarations WHERE id = {id}"));

        // Every staff act is in the audit trail under the staff member's name.
        var acts = await db.ScalarAsync<string>($"SELECT string_agg(action, ',' ORDER BY id) FROM audit_events WHERE subject = 'currency:CD-{id:D6}' AND actor = 'cd-departure'");
        Assert.Equal("currency.declared,currency.counted,currency.decided", acts);

        // The FIU export for the day has it: CSV one row per instrument, XML after the 2021/776 form.
        using var http = _server.StaffClient(_departure);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await http.GetStringAsync($"/api/currency/export?from={day}&to={day}&format=csv");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith($"CD-{id:D6},", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains(",falseDeclaration,desk,", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",USD,5000,750000,150,", StringComparison.Ordinal));
        var xml = System.Xml.Linq.XDocument.Parse(await http.GetStringAsync($"/api/currency/export?from={day}&to={day}&format=xml"));
        System.Xml.Linq.XNamespace ns = "urn:passengergate:currency-declaration-export:1";
        var element = xml.Root!.Elements(ns + "Declaration").Single(e => (string?)e.Attribute("number") == $"CD-{id:D6}");
        Assert.Equal("falseDeclaration", (string?)element.Attribute("status"));
        Assert.Equal("SATO TARO", (string?)element.Element(ns + "Carrier")!.Element(ns + "Name"));
        Assert.Equal("exit", (string?)element.Element(ns + "Movement")!.Element(ns + "Direction"));
        Assert.Equal("1650000", (string?)element.Element(ns + "Control")!.Element(ns + "RestrainedAmount"));
        Assert.Equal("currency.exported", await db.ScalarAsync<string>("SELECT action FROM audit_events WHERE actor = 'cd-departure' ORDER BY id DESC LIMIT 1"));

        // The traveller's copy (with a QR of its number) and the retention receipt, read back.
        var copy = Text(await http.GetByteArrayAsync($"/api/currency/declarations/{id}/copy.pdf"));
        Assert.Contains(Squeezed("支払手段等の携帯輸出・輸入申告書（控）"), copy, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Declaration of means of payment — traveller's copy"), copy, StringComparison.Ordinal);
        Assert.Contains($"CD-{id:D6}", copy, StringComparison.Ordinal);
        Assert.Contains(Squeezed("SATO TARO"), copy, StringComparison.Ordinal);
        Assert.Contains(Squeezed("1,500,000 JPY"), copy, StringComparison.Ordinal);
        var receiptPdf = await http.GetByteArrayAsync(decided.RetentionReceipt!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(receiptPdf, 0, 5), StringComparison.Ordinal);
        var retention = Text(receiptPdf);
        Assert.Contains(Squeezed("現金等留置票"), retention, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Receipt for restrained cash"), retention, StringComparison.Ordinal);
        Assert.Contains(Squeezed("1,650,000 JPY"), retention, StringComparison.Ordinal);
        Assert.Contains(Squeezed("buying stock in Seoul"), retention, StringComparison.Ordinal);
        Assert.Contains("6,000", retention, StringComparison.Ordinal);

        // Release later: once.
        var released = await desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.ReleaseCash), id);
        Assert.True(released.Released);
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<DepartureDeclarationView>(nameof(IDepartureHub.ReleaseCash), id));
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Text(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Squeezed(string.Join("\n", document.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public async Task Three_travellers_on_one_booking_each_carrying_950000_yen_are_flagged_with_their_three_declarations_and_at_500000_they_are_not()
    {
        await using var desk = _server.DepartureConnection(_departure);
        await desk.StartAsync();
        var today = _server.AirportToday();

        async Task<string> DeclareAsync(string name, string document, string booking, decimal yen)
        {
            var receipt = await desk.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
                DepartureSupport.DepartureJson(today, name, document, booking, null, ("JPY", yen))));
            Assert.Empty(receipt.Errors);
            return receipt.Number!;
        }

        // ¥950,000 is not over ¥1,000,000 (no declaration required) but within 10 % under it (¥900,000 and up).
        var near = new[]
        {
            await DeclareAsync("ITO A", "ST0000001", "NEAR95", 950_000m),
            await DeclareAsync("ITO B", "ST0000002", "NEAR95", 950_000m),
            await DeclareAsync("ITO C", "ST0000003", "NEAR95", 950_000m),
        };
        foreach (var (name, document) in new[] { ("KATO A", "ST0000011"), ("KATO B", "ST0000012"), ("KATO C", "ST0000013") })
        {
            await DeclareAsync(name, document, "HALF50", 500_000m);
        }

        var flags = (await desk.InvokeAsync<DepartureWorklist>(nameof(IDepartureHub.GetQueue))).Flags;
        var flag = Assert.Single(flags, f => f.Key == "booking NEAR95");
        Assert.Equal("groupNearThreshold", flag.Pattern);
        Assert.Equal(near.Order(), flag.DeclarationNumbers.Order());
        Assert.DoesNotContain(flags, f => f.Key.Contains("HALF50", StringComparison.Ordinal));
        Assert.DoesNotContain(flags, f => f.DeclarationNumbers.Any(n => !near.Contains(n)));
    }

    [Fact]
    public async Task A_declaration_with_a_currency_without_a_weekly_rate_is_refused_naming_the_currency()
    {
        await using var desk = _server.DepartureConnection(_departure);
        await desk.StartAsync();
        var receipt = await desk.InvokeAsync<DeclarationReceipt>(nameof(IDepartureHub.SubmitDeskDeclaration), new DeskDeclarationRequest(
            DepartureSupport.DepartureJson(_server.AirportToday(), "NORATE", "NR0000001", null, null, ("GBP", 10_000m))));
        Assert.Null(receipt.Id);
        Assert.Contains(receipt.Errors, e => e.Contains("GBP", StringComparison.Ordinal));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM currency_declarations WHERE bearer_name = 'NORATE'"));
    }

    [Fact]
    public async Task The_export_refuses_a_bad_range_or_format()
    {
        using var http = _server.StaffClient(_departure);
        foreach (var query in new[] { "from=2026-01-02&to=2026-01-01&format=csv", "from=2026-01-01&to=2026-01-01&format=pdf", "from=x&to=2026-01-01&format=xml" })
        {
            using var response = await http.GetAsync("/api/currency/export?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
