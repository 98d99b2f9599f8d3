using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Departure;
using PassengerGate.Contracts.TaxFree;
using PassengerGate.Domain.Staff;
using PassengerGate.Domain.TaxFree;
using PassengerGate.Server.Features.TaxFree;
using PassengerGate.Server.Tests.Support;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.TaxFree;

/// <summary>
/// The red-lane inspection (issue 12 point 3) on the real service, PostgreSQL and SignalR: a red departure check puts
/// the traveller's records on the airport's worklist, departure staff mark each item over the departure hub and close
/// the record. The service's clock is 2027-02-05 10:00 in Tokyo; random selection is off, so a line of ¥500,000 or more
/// makes the lane red (docs/taxfree-rules.md §5). Expected results from DOMAIN.md §5 rule 6 and docs/taxfree-rules.md §4.
/// </summary>
public sealed class TaxFreeInspectionTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 2, 5, 10, 0, 0, TimeSpan.FromHours(9));
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private WebhookReceiverStandIn _receiver = null!;
    private RunningServer _server = null!;
    private StaffSession _departure = null!;

    public async Task InitializeAsync()
    {
        var clock = new ShiftedClock(Now);
        _receiver = await WebhookReceiverStandIn.StartAsync("http://127.0.0.1:0", WebhookSignature.SecretText(_secret), failFirst: 0, clock);
        _server = await RunningServer.StartAsync(db.ConnectionString, clock: clock, configure: c =>
        {
            c["TaxFree:LaneRules:RandomRate"] = "0";
            c["Staff:SignInAttemptsPerMinute"] = "1000";
        });
        _departure = await _server.SignInAsync("ti-departure", await _server.EnsureStaffAsync("ti-departure", StaffRole.Departure, "NRT"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Domain_rule_6_one_item_marked_missing_on_the_console_refuses_the_record_and_the_shop_receives_one_refusal()
    {
        var (shopId, key) = await _server.AddShopAsync("ti", _receiver.Address, _secret, Now);
        // Refund regime (bought 20 Jan 2027): a ¥1,200,000 handbag (brand and model to compare, unit price ≥ ¥1,000,000
        // ⇒ red) and a scarf.
        await _server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("I-REFUND", "2027-01-20T14:00:00+09:00", unitPrice: 1_200_000, passport: "TI3000003",
            extraItem: """,{"description":"Scarf","quantity":1,"unitPrice":20000,"tax":2000}"""));
        await using var desk = _server.DepartureConnection(_departure);
        var pushed = new TaskCompletionSource<TaxFreeInspectionView>(TaskCreationOptions.RunContinuationsAsynchronously);
        desk.On<TaxFreeInspectionView>(nameof(IDepartureClient.InspectionChanged), v =>
        {
            if (v.RecordId == "I-REFUND" && v.Result is null && v.Items.All(i => i.Mark is null))
            {
                pushed.TrySetResult(v);
            }
        });
        await desk.StartAsync();

        var finished = await _server.Services.GetRequiredService<TaxFreeDepartureCheck>().FinishAsync("TI3000003", "USA", "NRT", default);

        Assert.Equal(TaxFreeLaneCode.Red, finished.Lane);
        var sent = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var listed = Assert.Single(await desk.InvokeAsync<IReadOnlyList<TaxFreeInspectionView>>(nameof(IDepartureHub.GetInspections)), i => i.ShopId == shopId);
        Assert.Equal(sent.RecordId, listed.RecordId);
        Assert.Equal(TaxFreeRegimeCode.Refund, listed.Regime);
        Assert.Equal("TI3000003", listed.PassportNumber);
        Assert.Equal(("Handbag", "B", "M-1"), (listed.Items[0].Description, listed.Items[0].Brand, listed.Items[0].Model));
        Assert.Equal("Scarf", listed.Items[1].Description);

        // Not every item marked: nothing is decided.
        var early = await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.CloseInspection), new CloseInspectionRequest(shopId, "I-REFUND")));
        Assert.Contains("item(s) 0, 1", early.Message, StringComparison.Ordinal);
        await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "I-REFUND", 0, InspectionMark.Present));
        var marked = await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "I-REFUND", 1, InspectionMark.Missing));
        Assert.Equal([InspectionMark.Present, InspectionMark.Missing], marked.Items.Select(i => i.Mark));
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "I-REFUND", 2, InspectionMark.Present)));

        var closed = await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.CloseInspection), new CloseInspectionRequest(shopId, "I-REFUND"));

        Assert.Equal(InspectionResult.Refused, closed.Result);
        Assert.Null(closed.Assessment);
        var refusal = await _receiver.WaitForResultAsync("I-REFUND");
        Assert.Single(_receiver.Accepted.Values, e => e.RecordId == "I-REFUND");
        Assert.Equal(TaxFreeRecordState.Refused, refusal.Result);
        Assert.Equal([TaxFreeReasonCode.ItemMissing], refusal.Reasons);
        Assert.Equal("refused", await db.ScalarAsync<string>($"SELECT state FROM taxfree_records WHERE shop_id = '{shopId}' AND record_id = 'I-REFUND'"));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{shopId}'"));
        Assert.Equal("taxfree.item_marked,taxfree.item_marked,taxfree.inspection_closed", await db.ScalarAsync<string>(
            $"SELECT string_agg(action, ',' ORDER BY id) FROM audit_events WHERE subject = 'taxfree:{shopId}/I-REFUND' AND actor = 'ti-departure'"));

        // Closed once: a second close or a late mark changes nothing, and the worklist no longer holds it.
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.CloseInspection), new CloseInspectionRequest(shopId, "I-REFUND")));
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "I-REFUND", 1, InspectionMark.Present)));
        Assert.DoesNotContain(await desk.InvokeAsync<IReadOnlyList<TaxFreeInspectionView>>(nameof(IDepartureHub.GetInspections)), i => i.ShopId == shopId);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM taxfree_outbox WHERE shop_id = '{shopId}'"));
    }

    [Fact]
    public async Task Regime_switch_goods_bought_before_November_2026_and_not_shown_are_assessed_per_item_with_a_bilingual_notice_and_the_payment_recorded()
    {
        var (shopId, key) = await _server.AddShopAsync("te", _receiver.Address, _secret, Now);
        // Exemption regime (bought 20 Oct 2026 in Japan): a ¥600,000 handbag (a line of ¥500,000 or more ⇒ red), three
        // packs of tea at ¥1,234 under the reduced rate, and a scarf.
        await _server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("E-OCT", "2026-10-20T14:00:00+09:00", unitPrice: 600_000, passport: "TE4000004",
            extraItem: """,{"description":"Green tea","quantity":3,"unitPrice":1234,"tax":296,"category":"reducedRate"},{"description":"Scarf","quantity":1,"unitPrice":20000,"tax":2000}"""));
        await using var desk = _server.DepartureConnection(_departure);
        await desk.StartAsync();
        Assert.Equal(TaxFreeLaneCode.Red, (await _server.Services.GetRequiredService<TaxFreeDepartureCheck>().FinishAsync("TE4000004", "USA", "NRT", default)).Lane);

        await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "E-OCT", 0, InspectionMark.Missing));
        await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "E-OCT", 1, InspectionMark.Missing));
        await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.MarkItem), new MarkItemRequest(shopId, "E-OCT", 2, InspectionMark.Present));
        var closed = await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.CloseInspection), new CloseInspectionRequest(shopId, "E-OCT"));

        // By hand from docs/taxfree-rules.md §4 (line total excluding tax × 10 %, × 8 % for food and drink, fractions
        // of a yen dropped): handbag 1 × ¥600,000 × 10 % = ¥60,000; tea 3 × ¥1,234 = ¥3,702 × 8 % = ¥296.16 → ¥296;
        // the scarf was shown. Total ¥60,296.
        Assert.Equal(InspectionResult.Assessed, closed.Result);
        var assessment = closed.Assessment!;
        Assert.Equal([(0, 600_000L, 10, 60_000L), (1, 3_702L, 8, 296L)], assessment.Items.Select(i => (i.Index, i.TaxBase, i.RatePercent, i.Tax)));
        Assert.Equal(60_296, assessment.TotalTax);
        Assert.Null(assessment.Payment);
        // The goods shown are exported: the shop hears one confirmation (it owes no refund under this regime).
        Assert.Equal(TaxFreeRecordState.Confirmed, (await _receiver.WaitForResultAsync("E-OCT")).Result);

        using var http = _server.StaffClient(_departure);
        var notice = PdfText(await http.GetByteArrayAsync(assessment.Notice));
        Assert.Contains(Squeezed("免税購入品に係る消費税の賦課決定通知書"), notice, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Notice of consumption tax assessment"), notice, StringComparison.Ordinal);
        Assert.Contains(assessment.Number, notice, StringComparison.Ordinal);
        Assert.Contains("¥60,296", notice, StringComparison.Ordinal);
        Assert.Contains("¥296", notice, StringComparison.Ordinal);
        Assert.Contains(Squeezed("未納付 / Unpaid"), notice, StringComparison.Ordinal);

        var paid = await desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.RecordTaxPayment), new RecordTaxPaymentRequest(assessment.Id, TaxPaymentMethod.CreditCard, "R-2027-0001"));
        Assert.Equal((60_296L, TaxPaymentMethod.CreditCard, "R-2027-0001"), (paid.Assessment!.Payment!.AmountYen, paid.Assessment.Payment.Method, paid.Assessment.Payment.ReceiptNumber));
        await Assert.ThrowsAsync<HubException>(() => desk.InvokeAsync<TaxFreeInspectionView>(nameof(IDepartureHub.RecordTaxPayment), new RecordTaxPaymentRequest(assessment.Id, TaxPaymentMethod.Cash, null)));
        var receipt = PdfText(await http.GetByteArrayAsync(assessment.Notice));
        Assert.Contains(Squeezed("Paid ¥60,296 by credit card"), receipt, StringComparison.Ordinal);
        Assert.Contains("R-2027-0001", receipt, StringComparison.Ordinal);

        Assert.Equal(
            "taxfree.item_marked,taxfree.item_marked,taxfree.item_marked,taxfree.inspection_closed,taxfree.assessment_issued,taxfree.notice_printed,taxfree.tax_paid,taxfree.notice_printed",
            await db.ScalarAsync<string>($"SELECT string_agg(action, ',' ORDER BY id) FROM audit_events WHERE subject = 'taxfree:{shopId}/E-OCT' AND actor = 'ti-departure'"));
        // An assessment is an earlier irregularity for the lane (docs/taxfree-rules.md §5): this passport's next record is red.
        await _server.SubmitRecordAsync(key, TaxFreeShopApiTests.RecordJson("E-NEXT", "2027-02-01T14:00:00+09:00", unitPrice: 10_000, passport: "TE4000004"));
        Assert.Equal(TaxFreeLaneCode.Red, (await _server.Services.GetRequiredService<TaxFreeDepartureCheck>().CheckAsync("TE4000004", "USA", default)).Lane);
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Squeezed(string.Join("\n", document.GetPages().Select(p => p.Text)));
    }
}
