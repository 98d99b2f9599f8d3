using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Server.Features.Arrival;

namespace PassengerGate.Server.Tests.Arrival;

public sealed class LivenessChallengesTests
{
    [Fact]
    public void The_head_turn_is_drawn_at_random_and_a_blink_is_always_asked()
    {
        var challenges = new LivenessChallenges(Options.Create(new FaceOptions()));

        var drawn = Enumerable.Range(0, 64).Select(_ => challenges.Next()!).ToList();

        // Two equally likely turns: all 64 the same has probability 2^-63.
        Assert.Contains(drawn, c => c.Turn == LivenessTurn.Left);
        Assert.Contains(drawn, c => c.Turn == LivenessTurn.Right);
        Assert.All(drawn, c => Assert.True(c.Blink));
    }

    [Fact]
    public void A_fixed_turn_for_tests_is_honoured()
    {
        var challenges = new LivenessChallenges(Options.Create(new FaceOptions { FixedLivenessTurn = LivenessTurn.Right }));

        Assert.All(Enumerable.Range(0, 8), _ => Assert.Equal(LivenessTurn.Right, challenges.Next()!.Turn));
    }

    [Fact]
    public void The_challenge_is_on_unless_the_service_is_configured_without_it()
    {
        Assert.True(new FaceOptions().ActiveLiveness);
        Assert.NotNull(new LivenessChallenges(Options.Create(new FaceOptions())).Next());
        Assert.Null(new LivenessChallenges(Options.Create(new FaceOptions { ActiveLiveness = false })).Next());
    }

    [Fact]
    public void The_stored_challenge_is_read_back_from_the_session_facts()
    {
        var stored = ArrivalSessionFacts.Read("""{"document":{},"livenessChallenge":{"turn":"right","blink":true}}""").LivenessChallenge;

        Assert.Equal(new LivenessChallenge(LivenessTurn.Right, true), stored);
        Assert.Null(ArrivalSessionFacts.Read("""{"document":{}}""").LivenessChallenge);
    }
}
