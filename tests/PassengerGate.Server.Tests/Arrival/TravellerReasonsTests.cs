using System.Reflection;
using System.Text.Json;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Risk;
using PassengerGate.Domain.Sessions;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Server.Features.Arrival;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// The one mapping from the service's reasons to what a kiosk may show (decision 0007, issue 8 "no tip-off to the
/// traveller"): a traveller may learn what they did or what failed, never that a risk rule, a watchlist or a random
/// draw sent them to an officer.
/// </summary>
public sealed class TravellerReasonsTests
{
    /// <summary>Fragments of codes that speak of risk screening, lists or selection: the concepts a traveller must not learn.</summary>
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] OfficerOnlyFragments = ["risk", "watch", "list", "stolen", "lost", "apis", "random", "select", "rule", "clone", "officer_"];

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static TheoryData<T> Data<T>(IEnumerable<T> items)
    {
        var data = new TheoryData<T>();
        foreach (var item in items)
        {
            data.Add(item);
        }

        return data;
    }

    public static TheoryData<string> EveryReferralCode() => Data(Constants(typeof(ReferralCodes)));

    public static TheoryData<string> EveryStepCode() => Data(Constants(typeof(ArrivalStepCodes)));

    [Theory]
    [MemberData(nameof(EveryReferralCode))]
    public void Every_referral_code_is_either_officer_only_and_generic_or_has_a_reason_that_names_no_risk_concept(string code)
    {
        var reason = TravellerReasons.For(code);
        var officerOnly = OfficerOnlyFragments.Any(f => code.Contains(f, StringComparison.OrdinalIgnoreCase));
        if (officerOnly)
        {
            Assert.Equal(TravellerReason.SeeOfficer, reason);
            Assert.Contains(code, TravellerReasons.OfficerOnlyReferralCodes);
        }
        else
        {
            // A new referral code must be decided on: worded for travellers, or listed as officer-only.
            Assert.True(TravellerReasons.AllowedCodes.Contains(code) || TravellerReasons.OfficerOnlyReferralCodes.Contains(code), $"{code} is neither allowed nor officer-only");
        }
    }

    [Theory]
    [MemberData(nameof(EveryStepCode))]
    public void Every_step_code_maps_to_one_traveller_reason_and_only_suspicions_to_the_generic_one(string code)
    {
        var reason = TravellerReasons.For(code);
        if (code is ArrivalStepCodes.ChipActiveAuthenticationFailed or ArrivalStepCodes.ChipActiveAuthenticationMissing
            or ArrivalStepCodes.ChipAuthenticationFailed or ArrivalStepCodes.ChipAuthenticationMissing or ArrivalStepCodes.OfficerDecisionPrefix or ArrivalStepCodes.PassiveAuthenticationPrefix)
        {
            // A suspected clone and an officer's own decision are the officer's to explain; a bare prefix is no code.
            Assert.Equal(TravellerReason.SeeOfficer, reason);
        }
        else
        {
            // What failed at the kiosk (document, chip, face, height, the session) is the traveller's to know.
            Assert.NotEqual(TravellerReason.SeeOfficer, reason);
        }
    }

    [Fact]
    public void Risk_hits_and_random_selection_reach_the_kiosk_only_as_see_an_officer()
    {
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For(ReferralCodes.RiskHit));
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For(ReferralCodes.RandomSelection));
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For("CHIP_AA_FAILED"));
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For("CHIP_AA_MISSING"));
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For("CHIP_CA_FAILED"));
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For("CHIP_CA_MISSING"));
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For("OFFICER_GoodsDetained"));
    }

    [Theory]
    [InlineData("future.newRiskKind")]
    [InlineData("watchlist.document")]
    [InlineData("apis.noShow")]
    [InlineData("")]
    [InlineData("PA_")]
    [InlineData("risk.hit ")]
    [InlineData("RISK.HIT")]
    public void An_unknown_code_is_the_generic_reason(string code) =>
        Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For(code));

    [Fact]
    public void A_null_code_is_the_generic_reason() => Assert.Equal(TravellerReason.SeeOfficer, TravellerReasons.For(null));

    [Fact]
    public void No_allowed_code_speaks_of_risk_lists_or_selection()
    {
        foreach (var code in TravellerReasons.AllowedCodes)
        {
            Assert.DoesNotContain(OfficerOnlyFragments, f => code.Contains(f, StringComparison.OrdinalIgnoreCase));
            Assert.NotEqual(TravellerReason.SeeOfficer, TravellerReasons.For(code));
        }
    }

    public static TheoryData<PassiveAuthenticationReason> EveryPassiveAuthenticationFailure() =>
        Data(Enum.GetValues<PassiveAuthenticationReason>().Where(r => r != PassiveAuthenticationReason.Ok));

    [Theory]
    [MemberData(nameof(EveryPassiveAuthenticationFailure))]
    public void Every_passive_authentication_failure_tells_the_traveller_the_passport_could_not_be_verified(PassiveAuthenticationReason failure)
    {
        var code = ArrivalStepCodes.PassiveAuthenticationPrefix + new PassiveAuthenticationResult(failure, null, "x").Code;
        Assert.Equal(TravellerReason.PassportNotVerified, TravellerReasons.For(code));
    }

    [Fact]
    public void A_watchlist_hit_alone_is_one_generic_reason_with_no_rule_text()
    {
        SessionReason[] reasons = [new(ReferralCodes.RiskHit, "risk rule fired: document-on-watchlist: the travel document is on the watchlist (test list)"), new(ReferralCodes.RiskHit, "risk rule fired: lost-or-stolen-document: …")];
        Assert.Equal([TravellerReason.SeeOfficer], TravellerReasons.ForKiosk(reasons, "red"));
    }

    [Fact]
    public void A_hidden_reason_next_to_a_specific_one_leaves_no_trace()
    {
        // With "duty due" shown, an extra "see an officer" would tell the traveller there is something else.
        SessionReason[] reasons = [new(ReferralCodes.DutyDue, "duty"), new(ReferralCodes.RandomSelection, "randomly selected for inspection"), new(ReferralCodes.RiskHit, "risk rule fired")];
        Assert.Equal([TravellerReason.DutyDue], TravellerReasons.ForKiosk(reasons, "red"));
    }

    [Fact]
    public void Several_codes_with_the_same_traveller_reason_show_it_once()
    {
        SessionReason[] reasons = [new("FACE_QUALITY", "q"), new("LIVENESS_FAILED", "l"), new("FACE_NOT_MATCHED", "m")];
        Assert.Equal([TravellerReason.FaceNotConfirmed, TravellerReason.FaceNotMatched], TravellerReasons.ForKiosk(reasons, "red"));
    }

    [Fact]
    public void A_referral_without_reasons_still_says_see_an_officer_and_green_says_nothing()
    {
        Assert.Equal([TravellerReason.SeeOfficer], TravellerReasons.ForKiosk([], "red"));
        Assert.Empty(TravellerReasons.ForKiosk([], "green"));
        Assert.Empty(TravellerReasons.ForKiosk([], null));
    }

    [Fact]
    public void On_the_wire_a_traveller_reason_is_its_camel_case_name_and_numbers_are_refused()
    {
        var update = new SessionUpdate(Guid.Empty, SessionState.Referred, SessionLane.Red, [TravellerReason.SeeOfficer, TravellerReason.DutyDue]);
        var json = JsonSerializer.Serialize(update, Web);

        Assert.Contains("\"reasons\":[\"seeOfficer\",\"dutyDue\"]", json, StringComparison.Ordinal);
        Assert.Equal(update.Reasons, JsonSerializer.Deserialize<SessionUpdate>(json, Web)!.Reasons);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TravellerReason>("0"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TravellerReason>("\"riskHit\""));
    }
}
