using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class RandomSelectionTests
{
    private static readonly byte[] Secret = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static readonly SelectionSeed Seed = new("seed-test", Secret, new DateOnly(2026, 11, 1), null);

    [Theory]
    // Recomputed outside this code with the recipe of decision 0003, using OpenSSL 3.0:
    //   printf %s 6f1c2a7e-3b4d-4c5e-8f90-a1b2c3d4e5f6 | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
    //   = a7933d7d79dd0290…; 0xa7933d7d79dd0290 >> 11 = 5896026677263264.
    [InlineData("6f1c2a7e-3b4d-4c5e-8f90-a1b2c3d4e5f6", 5896026677263264d)]
    // Same for 00000000-0000-0000-0000-000000000001: 7e3418e44a8796d2… >> 11 = 4440391072436466.
    [InlineData("00000000-0000-0000-0000-000000000001", 4440391072436466d)]
    public void An_auditor_can_recompute_the_draw_from_the_seed_and_the_session_id(string session, double bits)
    {
        var draw = new RandomSelection(0.02).Draw(Seed, Guid.Parse(session));

        Assert.Equal(bits / 9007199254740992d, draw.Value);
        Assert.Equal("seed-test", draw.SeedId);
        Assert.Equal(0.02, draw.Rate);
        Assert.False(draw.Selected);
        Assert.True(new RandomSelection(0.7).Draw(Seed, Guid.Parse(session)).Selected);
    }

    [Fact]
    public void The_same_seed_and_session_always_give_the_same_draw_and_another_seed_a_different_one()
    {
        var session = Guid.Parse("6f1c2a7e-3b4d-4c5e-8f90-a1b2c3d4e5f6");
        var other = new SelectionSeed("seed-other", Enumerable.Repeat((byte)0x42, 32).ToArray(), new DateOnly(2026, 11, 1), null);

        Assert.Equal(RandomSelection.DrawValue(Secret, session), RandomSelection.DrawValue(Secret, session));
        Assert.NotEqual(RandomSelection.DrawValue(Secret, session), RandomSelection.DrawValue(other.Secret, session));
    }

    [Fact]
    public void About_two_in_a_hundred_of_10_000_sessions_are_selected_at_rate_0_02()
    {
        // Binomial(n = 10,000, p = 0.02): mean 200, standard deviation sqrt(10,000 · 0.02 · 0.98) = 14. A uniform draw
        // falls within ±5 standard deviations (130..270) except with probability below 1e-6. The session ids are fixed,
        // so the test gives the same answer on every run.
        var selection = new RandomSelection(0.02);
        var selected = Enumerable.Range(0, 10_000)
            .Select(i => new Guid(i, 0x1234, 0x5678, [1, 2, 3, 4, 5, 6, 7, 8]))
            .Count(id => selection.Draw(Seed, id).Selected);

        Assert.InRange(selected, 130, 270);
    }

    [Fact]
    public void Draws_spread_over_the_whole_unit_interval()
    {
        // Uniform on [0, 1): each tenth holds 1,000 of 10,000 draws in expectation, sd sqrt(10,000 · 0.1 · 0.9) = 30; ±5 sd.
        var counts = new int[10];
        for (var i = 0; i < 10_000; i++)
        {
            var value = RandomSelection.DrawValue(Secret, new Guid(i, 7, 7, [0, 0, 0, 0, 0, 0, 0, 0]));
            Assert.InRange(value, 0d, Math.BitDecrement(1d));
            counts[(int)(value * 10)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Rate_0_selects_nobody_and_rate_1_everybody()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => new Guid(i, 1, 1, [0, 0, 0, 0, 0, 0, 0, 1])).ToList();
        Assert.DoesNotContain(ids, id => new RandomSelection(0).Draw(Seed, id).Selected);
        Assert.All(ids, id => Assert.True(new RandomSelection(1).Draw(Seed, id).Selected));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSelection(1.01));
    }

    [Fact]
    public void Rotation_picks_the_seed_in_force_on_the_day()
    {
        var old = new SelectionSeed("s1", Secret, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 14));
        var current = new SelectionSeed("s2", Secret, new DateOnly(2026, 11, 15), null);

        Assert.Equal("s1", SelectionSeed.InForce([old, current], new DateOnly(2026, 11, 14))!.Id);
        Assert.Equal("s2", SelectionSeed.InForce([old, current], new DateOnly(2026, 11, 15))!.Id);
        Assert.Null(SelectionSeed.InForce([old, current], new DateOnly(2026, 9, 30)));
    }
}
