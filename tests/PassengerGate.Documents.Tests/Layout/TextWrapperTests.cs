using PassengerGate.Documents.Layout;

namespace PassengerGate.Documents.Tests.Layout;

public class TextWrapperTests
{
    // Every character one unit wide, so the expected breaks can be counted by hand.
    private static double Count(string s) => s.Length;

    [Fact]
    public void English_breaks_at_spaces()
    {
        Assert.Equal(["Proceed to", "the customs", "counter"], TextWrapper.Wrap("Proceed to the customs counter", 11, Count));
    }

    [Fact]
    public void Japanese_breaks_between_characters_but_never_before_a_full_stop()
    {
        // JIS X 4051 line-start prohibition: 。 cannot begin a line, so "税関に申告" (5 wide) does not stay on the line and 告。 moves down together.
        Assert.Equal(["税関に申", "告。"], TextWrapper.Wrap("税関に申告。", 5, Count));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_so_nothing_runs_off_the_page()
    {
        Assert.Equal(["C-2026", "-00012", "3"], TextWrapper.Wrap("C-2026-000123", 6, Count));
    }

    [Fact]
    public void Newlines_start_new_lines()
    {
        Assert.Equal(["品名", "Goods"], TextWrapper.Wrap("品名\nGoods", 20, Count));
    }
}
