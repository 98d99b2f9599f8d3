using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

/// <summary>Random selection is drawn on document, issuer, flight and arrival day, not on the session (decision 0008).</summary>
public class SelectionSubjectTests
{
    private static readonly byte[] Secret = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static readonly SelectionSeed Seed = new("seed-test", Secret, new DateOnly(2026, 11, 1), null);

    [Fact]
    public void The_subject_names_document_issuer_flight_and_day_in_a_fixed_form()
    {
        Assert.Equal("TK1234567|JPN|NH9|2026-12-01", SelectionSubject.For("TK1234567<", "jpn", "NH9", new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void An_auditor_can_recompute_a_draw_on_a_subject()
    {
        // Recomputed outside this code with OpenSSL 3.0:
        //   printf %s 'TK1234567|JPN|NH9|2026-12-01' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
        //   = 3de21f68785a9a9f…; 0x3de21f68785a9a9f >> 11 = 2177324762991443.
        var draw = new RandomSelection(0.25).Draw(Seed, "TK1234567|JPN|NH9|2026-12-01");

        Assert.Equal(2177324762991443d / 9007199254740992d, draw.Value);
        Assert.True(draw.Selected);
        Assert.Equal("TK1234567|JPN|NH9|2026-12-01", draw.Subject);
    }

    [Fact]
    public void Two_sessions_of_one_document_on_one_flight_and_day_meet_the_same_draw_and_another_day_a_new_one()
    {
        var selection = new RandomSelection(0.5);
        var first = selection.Draw(Seed, SelectionSubject.For("TK1234567", "JPN", "NH9", new DateOnly(2026, 12, 1)));
        var retry = selection.Draw(Seed, SelectionSubject.For("TK1234567", "JPN", "NH9", new DateOnly(2026, 12, 1)));
        var nextTrip = selection.Draw(Seed, SelectionSubject.For("TK1234567", "JPN", "NH9", new DateOnly(2026, 12, 8)));

        Assert.Equal(first.Value, retry.Value);
        Assert.NotEqual(first.Value, nextTrip.Value);
    }
}
