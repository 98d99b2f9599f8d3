using PassengerGate.Hardware.Simulators.Printer;

namespace PassengerGate.Documents.Tests.EscPos;

public class EscPosInterpreterTests
{
    [Fact]
    public void Unknown_commands_are_rejected_not_skipped()
    {
        // ESC p (1B 70) is the cash-drawer pulse: a kiosk printer never gets it from PassengerGate.
        Assert.Throws<EscPosFormatException>(() => EscPosInterpreter.Parse([0x1B, 0x40, 0x1B, 0x70, 0x00, 0x19, 0xFA]));
    }

    [Fact]
    public void Text_without_a_line_feed_or_cut_is_reported()
    {
        Assert.Throws<EscPosFormatException>(() => EscPosInterpreter.Parse("unfinished"u8));
    }

    [Fact]
    public void A_truncated_qr_command_is_reported()
    {
        // GS ( k announcing 6 bytes (pL = 6) with only 4 present.
        Assert.Throws<EscPosFormatException>(() => EscPosInterpreter.Parse([0x1D, 0x28, 0x6B, 0x06, 0x00, 0x31, 0x50, 0x30, 0x41]));
    }

    [Fact]
    public void Lines_cut_and_feed_are_read_in_order()
    {
        // ESC @, "AB" LF, ESC a 1, "C" LF, ESC d 3, GS V 1 — bytes from tech.md §3.3 and the Epson reference (ESC d n).
        var printout = EscPosInterpreter.Parse([0x1B, 0x40, 0x41, 0x42, 0x0A, 0x1B, 0x61, 0x01, 0x43, 0x0A, 0x1B, 0x64, 0x03, 0x1D, 0x56, 0x01]);

        Assert.Equal(
            [new PrintedLine("AB", PrintedAlignment.Left, 0, 0), new PrintedLine("C", PrintedAlignment.Center, 0, 0), new PaperFeed(3), new PaperCut(Partial: true)],
            printout.Outputs);
        Assert.True(printout.EndsWithCut);
    }
}
