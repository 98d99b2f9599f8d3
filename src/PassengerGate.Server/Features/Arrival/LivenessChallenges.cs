using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// Picks the active liveness challenge for a session: the head turn at random (a cryptographic RNG, so a
/// kiosk or a recorded video cannot know it in advance) and always a blink. It is kept in the session's
/// facts (<see cref="ArrivalSessionFacts.LivenessChallenge"/>), and the face step is judged against that stored copy, not the
/// kiosk's echo. <see cref="FaceOptions.FixedLivenessTurn"/> pins the turn for tests only.
/// </summary>
public sealed class LivenessChallenges(IOptions<FaceOptions> options)
{
    /// <summary>A fresh challenge for the face step, or null when <see cref="FaceOptions.ActiveLiveness"/> is off (tests only).</summary>
    public LivenessChallenge? Next()
    {
        if (!options.Value.ActiveLiveness)
        {
            return null;
        }

        var turn = options.Value.FixedLivenessTurn ?? (RandomNumberGenerator.GetInt32(2) == 0 ? LivenessTurn.Left : LivenessTurn.Right);
        return new LivenessChallenge(turn, Blink: true);
    }

}
