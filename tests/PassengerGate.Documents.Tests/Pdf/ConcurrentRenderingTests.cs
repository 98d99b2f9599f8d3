using PassengerGate.Documents.DutyNotices;
using PassengerGate.Documents.Slips;
using PassengerGate.Documents.Tests.DutyNotices;
using PassengerGate.Domain.Arrival;
using UglyToad.PdfPig;

namespace PassengerGate.Documents.Tests.Pdf;

public class ConcurrentRenderingTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 20, 18, 5, 0, TimeSpan.FromHours(9));

    /// <summary>Documents that differ in their characters, so each has a font subset and line breaks of its own.</summary>
    private static readonly Func<byte[]>[] Documents =
    [
        () => KioskSlipDocument.Render(new KioskSlip("C-2026-000123", "HND-T3-K07", Issued, Lane.Red, [new SlipReason("duty.due", "税額があります。", "Duty is due.")])),
        () => KioskSlipDocument.Render(new KioskSlip("C-2026-000124", "HND-T3-K07", Issued, Lane.Green, [])),
        () => DutyNoticeDocument.Render(new DutyNotice("N-1", "C-1", Issued, Assessments.Of(Assessments.Whisky, Assessments.Watch, Assessments.Jacket), Payment: null)),
        () => DutyNoticeDocument.Render(new DutyNotice("N-2", "C-2", Issued, Assessments.Of(Assessments.Jacket with { Description = "着物 Kimono 絹" }), new DutyPayment(8_100, PaymentMethod.Cash, Issued))),
    ];

    [Fact]
    public void Documents_rendered_on_many_threads_at_once_show_what_they_show_when_rendered_one_by_one()
    {
        // The service renders for many requests at once, sharing the fonts, the width and subset caches. Every
        // letter, its place and its size must be what a render on its own gives.
        var alone = Documents.Select(render => Letters(render())).ToList();

        var together = new string[Documents.Length * 8];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => together[i] = Letters(Documents[i % Documents.Length]()));

        for (var i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % Documents.Length], together[i]);
        }
    }

    /// <summary>The font's name without the random six-letter tag of its subset (ISO 32000-1 §9.6.4).</summary>
    private static string? BaseFont(string? name) => name?[(name.IndexOf('+', StringComparison.Ordinal) + 1)..];

    private static string Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().SelectMany(page => page.Letters.Select(l =>
            FormattableString.Invariant($"{page.Number} {l.Value} {l.StartBaseLine.X:F3} {l.StartBaseLine.Y:F3} {l.PointSize:F2} {BaseFont(l.FontName)}"))));
    }
}
