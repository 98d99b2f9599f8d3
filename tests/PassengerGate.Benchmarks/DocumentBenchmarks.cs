using BenchmarkDotNet.Attributes;
using PassengerGate.Documents.DutyNotices;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Benchmarks;

/// <summary>
/// Issue 13 goal: duty notice and slip PDFs at ≥ 200 per second. The single-document benchmarks render once per call on
/// one thread, so the rate on this machine is at most cores / mean. The "on all cores" ones render
/// <see cref="ConcurrentDocuments"/> documents per call with Parallel.For on every core, as the service does for
/// concurrent requests; their mean is per document, so documents per second = 1 s / mean. Content: a red slip with two
/// reasons and a QR code, and a duty notice with three goods lines (the shapes of tests/PassengerGate.Documents.Tests).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DocumentBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 34, 56, TimeSpan.FromHours(9));

    private readonly KioskSlip redSlip = new("C-2026-000123", "HND-T3-K07", At, Lane.Red,
    [
        new SlipReason("declaration.goldBullionOrProducts", "金地金の申告があります。", "Gold bullion was declared."),
        new SlipReason("duty.due", "税額があります。", "Duty is due."),
    ]);

    private readonly KioskSlip greenSlip = new("C-2026-000124", "HND-T3-K07", At, Lane.Green, []);

    private readonly DutyNotice notice = new("N-2026-000050", "C-2026-000123", At, Assessment(), Payment: null);

    [Benchmark]
    public int Red_slip_pdf() => KioskSlipDocument.Render(redSlip).Length;

    [Benchmark]
    public int Green_slip_pdf() => KioskSlipDocument.Render(greenSlip).Length;

    [Benchmark]
    public int Duty_notice_pdf_three_lines() => DutyNoticeDocument.Render(notice).Length;

    private const int ConcurrentDocuments = 64;

    [Benchmark(OperationsPerInvoke = ConcurrentDocuments)]
    public int Red_slip_pdf_on_all_cores() => OnAllCores(() => KioskSlipDocument.Render(redSlip).Length);

    [Benchmark(OperationsPerInvoke = ConcurrentDocuments)]
    public int Duty_notice_pdf_on_all_cores() => OnAllCores(() => DutyNoticeDocument.Render(notice).Length);

    private static int OnAllCores(Func<int> render)
    {
        var bytes = 0;
        Parallel.For(0, ConcurrentDocuments, _ => Interlocked.Add(ref bytes, render()));
        return bytes;
    }

    private static ArrivalAssessment Assessment()
    {
        AssessedLine[] lines =
        [
            new()
            {
                Path = "$.goods.alcohol[0]", Category = GoodsCategory.Alcohol, Description = "ウイスキー Whisky 750 ml", Unit = "bottle",
                Quantity = 4, FreeQuantity = 3, DutiableQuantity = 1, RateApplied = "¥800/ℓ [simplified-newer]", Duty = Money.Yen(600),
                Outcome = LineOutcome.Dutiable, Reason = "3 bottles free, 1 dutiable",
            },
            new()
            {
                Path = "$.goods.otherGoods[0]", Category = GoodsCategory.OtherGoods, Description = "腕時計 Watch", Unit = "article",
                Quantity = 1, FreeQuantity = 1, OverseasValueYen = 150_000, AllowanceUsedYen = 150_000, Duty = Money.Yen(0),
                Outcome = LineOutcome.Free, Reason = "within the allowance",
            },
            new()
            {
                Path = "$.goods.otherGoods[1]", Category = GoodsCategory.OtherGoods, Description = "ジャケット Jacket", Unit = "article",
                Quantity = 1, DutiableQuantity = 1, OverseasValueYen = 90_000, DutiableValueYen = 90_000, CustomsValueYen = 54_000,
                RateApplied = "15 % of customs value", Duty = Money.Yen(8_100), Outcome = LineOutcome.Dutiable, Reason = "over the allowance",
            },
        ];
        return new ArrivalAssessment
        {
            AsOf = new DateOnly(2026, 11, 20),
            AgeOnArrival = 46,
            Lines = lines,
            TotalDuty = Money.Yen(8_700),
            OtherGoodsAllowanceUsedYen = 150_000,
            OverAllowance = true,
            Reasons = [],
            RulesApplied = ["allowances-2021-10 (customs FAQ 7104)", "simplified-newer (customs FAQ 7105)"],
        };
    }
}
