using System.Text;
using PassengerGate.Documents.EscPos;

namespace PassengerGate.Documents.Tests.EscPos;

public class EscPosWriterTests
{
    [Fact]
    public void Initialize_starts_with_esc_at()
    {
        // tech.md §3.3: ESC @ (init) = 1B 40.
        Assert.Equal([0x1B, 0x40], new EscPosWriter().Initialize().ToArray()[..2]);
    }

    [Fact]
    public void Align_center_is_esc_a_1()
    {
        // tech.md §3.3: ESC a n (align) = 1B 61 n; Epson: n = 1 centres.
        Assert.Equal([0x1B, 0x61, 0x01], new EscPosWriter().Align(EscPosAlignment.Center).ToArray());
    }

    [Fact]
    public void Cuts_are_gs_v_0_full_and_gs_v_1_partial()
    {
        // tech.md §3.3: GS V cut (full / partial) = 1D 56 00 / 1D 56 01.
        Assert.Equal([0x1D, 0x56, 0x00], new EscPosWriter().Cut().ToArray());
        Assert.Equal([0x1D, 0x56, 0x01], new EscPosWriter().Cut(partial: true).ToArray());
    }

    [Fact]
    public void Qr_store_command_counts_the_data_plus_three_bytes()
    {
        // Epson ESC/POS reference, GS ( k <Function 180>: 1D 28 6B pL pH 31 50 30 d1..dk with pL + pH·256 = k + 3.
        var bytes = new EscPosWriter().QrCode("ABC").ToArray();

        var store = new byte[] { 0x1D, 0x28, 0x6B, 0x06, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42, 0x43 };
        Assert.True(bytes.AsSpan().IndexOf(store) >= 0);
        // Function 181 (print the stored symbol) = 1D 28 6B 03 00 31 51 30, last.
        Assert.Equal([0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30], bytes[^8..]);
    }

    [Fact]
    public void Japanese_text_goes_out_in_shift_jis()
    {
        // 税 is JIS X 0208 kuten 32-39 and 関 kuten 20-56, which Shift_JIS encodes as 0x90C5 and 0x8AD6 (unicode.org SHIFTJIS.TXT mapping).
        Assert.Equal([0x90, 0xC5, 0x8A, 0xD6, 0x0A], new EscPosWriter().Line("税関").ToArray());
    }

    [Fact]
    public void A_line_carrying_a_control_character_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EscPosWriter().Line("case\u001B@"));
    }

    [Fact]
    public void A_character_shift_jis_cannot_carry_is_an_error_not_a_question_mark()
    {
        Assert.Throws<EncoderFallbackException>(() => new EscPosWriter().Line("passenger \U0001F600"));
    }
}
