using System.Text.Json;
using PassengerGate.TestSupport;

namespace PassengerGate.Server.Tests.Support;

/// <summary>
/// What the service recorded for a session, read straight from PostgreSQL: the officer's reasons on the referral
/// (a kiosk only ever sees traveller-safe reasons, decision 0007) and the Active Authentication challenge it issued.
/// </summary>
public static class SessionRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record OfficerReason(string Code, string Text);

    public static async Task<IReadOnlyList<OfficerReason>> ReferralReasonsAsync(TestDatabase db, Guid sessionId)
    {
        var json = await db.ScalarAsync<string>($"SELECT reasons::text FROM referrals WHERE session_id = '{sessionId}'");
        if (json is null)
        {
            return [];
        }

        return JsonSerializer.Deserialize<List<OfficerReason>>(json, Json) ?? [];
    }

    public static Task<byte[]?> ChallengeAsync(TestDatabase db, Guid sessionId) =>
        db.ScalarAsync<byte[]>($"SELECT challenge FROM session_chip_challenges WHERE session_id = '{sessionId}'");
}
