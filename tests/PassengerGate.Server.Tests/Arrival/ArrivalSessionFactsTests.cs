using System.Text.Json;
using PassengerGate.Domain.Arrival;
using PassengerGate.Server.Features.Arrival;

namespace PassengerGate.Server.Tests.Arrival;

/// <summary>
/// Session facts are one typed record (issue 10 point 4) stored under the JSON names the rows already have, so nothing
/// migrates: rows written by earlier builds load, and what a step writes now has the names the SQL readers use
/// (KioskBearerStore reads facts->'document'->>'nationality' and facts->'declaration'->'json'->'answers').
/// </summary>
public sealed class ArrivalSessionFactsTests
{
    /// <summary>
    /// A row as an earlier build stored it, copied from a test database written on 2026-11-30 before active authentication
    /// had named verdicts (it is the yes/no <c>true</c> here) and before the document risk screen.
    /// </summary>
    public const string StoredByAnEarlierBuild = """
        {"face": {"live": true, "real": true, "score": 0.62, "qualityOk": true, "framesUsed": 3, "kioskThreshold": 0.38, "qualityProblems": [], "childBelowHeight": false, "serviceThreshold": 0.38}, "risk": {"draw": 0.32916974080394135, "hits": [], "rate": 0, "seedId": "test-seed", "selected": false, "rulesEvaluated": ["document-on-watchlist", "lost-or-stolen-document"]}, "document": {"sex": "F", "chip": "BAC", "format": "TD3", "mrzLines": ["P<JPNTANAKA<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<", "TK10000026JPN9004012F3403314<<<<<<<<<<<<<<<2"], "expiryDate": "2034-03-31", "dateOfBirth": "1990-04-01", "nationality": "JPN", "issuingState": "JPN", "activeAuthentication": true, "passiveAuthentication": "OK"}, "assessment": {"asOf": "2026-11-25", "lines": [], "incomplete": false, "rulesApplied": ["jp-allowance-2021-10 (customs.go.jp/english/c-answer_e/keitaibetsuso/7104_e.htm [S1], 7104-2_e.htm [S2])", "retail-60-percent (Customs Tariff Law arts. 4-5/4-6; Cabinet Order art. 1-13; customs FAQ 1405(3); the 60 % figure from secondary sources (DOMAIN.md §1 'Dutiable value')) [unconfirmed]"], "totalDutyYen": 0, "overAllowance": false}, "declaration": {"json": {"goods": {}, "header": {"name": "TANAKA HANAKO", "family": {"under6": 0, "aged6To19": 0, "aged20OrOver": 1}, "arrivalDate": "2026-11-25", "dateOfBirth": "1990-04-01", "nationality": "JPN", "addressInJapan": "Tokyo", "flightOrVessel": "NH9", "passportNumber": "TK1000002", "embarkationPoint": "LAX"}, "answers": {"unaccompaniedBaggage": false, "carriedForSomeoneElse": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": false, "prohibitedOrRestricted": false, "commercialGoodsOrSamples": true, "paymentMeansOverThreshold": false}, "declarant": {"role": "self"}, "schemaVersion": 1}, "source": "kiosk"}}
        """;

    /// <summary>
    /// The parts the dictionary writer of commit 4ef11b3 gave a dutiable, edited declaration: the domain's AssessedLine
    /// serialized as it was (camelCase enum names, money as {amount, currency:{value}}), the edit as an anonymous object.
    /// </summary>
    private const string DutiableEditedByTheDictionaryWriter = """
        {"documentRisk": {"screened": true, "hits": [{"ruleId": "lost-or-stolen-document", "reason": "reported stolen", "detail": "list X"}], "rulesEvaluated": ["lost-or-stolen-document"], "apisFlights": [], "previouslyReferred": {"sessionId": "0b7c2a0e-4a43-4a53-9d2a-0e8e5f1f6a11", "state": "Referred", "caseNumber": 12, "referralOpen": true}},
         "document": {"mrzLines": ["L1", "L2"], "format": "TD3", "issuingState": "UTO", "nationality": "UTO", "dateOfBirth": "1961-08-04", "expiryDate": null, "sex": "M", "chip": "PACE", "passiveAuthentication": "OK", "activeAuthentication": "NotRequired", "chipAuthentication": "Valid"},
         "declaration": {"source": "pre-declaration-edited-at-kiosk", "json": {"schemaVersion": 1}, "edit": {"editedAtKiosk": true, "changed": true, "preDeclarationId": "5d7f7b0c-1e4b-4c9e-9f55-2f0c3c0d9a01", "preDeclared": {"schemaVersion": 1}}},
         "assessment": {"asOf": "2026-12-01", "totalDutyYen": 150, "overAllowance": true, "incomplete": false, "rulesApplied": [],
           "lines": [{"path": "$.goods.alcohol[0]", "category": "alcohol", "description": "wineBeerOther 750 ml", "unit": "bottle", "quantity": 4, "freeQuantity": 3, "dutiableQuantity": 1,
                      "overseasValueYen": null, "exchangeRate": {"currency": {"value": "USD"}, "validFrom": "2026-11-29", "validTo": "2026-12-05", "yenPerUnit": 150.5, "source": "customs"},
                      "allowanceUsedYen": 0, "dutiableValueYen": null, "customsValueYen": null, "rateApplied": "wine 200/l", "duty": {"amount": 150, "currency": {"value": "JPY"}}, "outcome": "dutiable", "reason": "over three bottles"}]},
         "arrivalDate": {"declared": "2026-11-30", "assessedAs": "2026-12-01", "redated": true},
         "mrzErrors": [{"field": "documentNumber", "message": "check digit"}], "documentCheckDetail": "DG2_HASH_MISMATCH"}
        """;

    [Fact]
    public void A_row_an_earlier_build_stored_loads_every_part_and_its_yes_no_active_authentication_as_the_verdict()
    {
        var facts = ArrivalSessionFacts.Read(StoredByAnEarlierBuild);

        Assert.Equal(("TD3", "JPN", new DateOnly(1990, 4, 1), "OK", "Valid"), (facts.Document?.Format, facts.Document?.Nationality, facts.Document?.DateOfBirth, facts.Document?.PassiveAuthentication, facts.Document?.ActiveAuthentication));
        Assert.Equal(2, facts.Document?.MrzLines?.Count);
        Assert.Equal((0.62, 0.38, true), (facts.Face?.Score, facts.Face?.ServiceThreshold, facts.Face?.Live));
        Assert.Equal((false, "test-seed"), (facts.Risk?.Selected, facts.Risk?.SeedId));
        Assert.Equal(DeclarationSource.Kiosk, facts.Declaration?.Source);
        Assert.Equal("TK1000002", facts.Declaration?.Read()?.Header.PassportNumber);
        Assert.Null(facts.Declaration?.Edit);
        Assert.Equal((new DateOnly(2026, 11, 25), 0m), (facts.Assessment?.AsOf, facts.Assessment?.TotalDutyYen));
        Assert.Null(facts.DocumentRisk);
        Assert.Equal(CarriedRisk.None, CarriedRisk.From(facts));
    }

    [Fact]
    public void A_dutiable_edited_declaration_the_dictionary_writer_stored_loads_its_lines_edit_and_carried_risk()
    {
        var facts = ArrivalSessionFacts.Read(DutiableEditedByTheDictionaryWriter);

        var line = Assert.Single(facts.Assessment!.Lines!);
        Assert.Equal((GoodsCategory.Alcohol, LineOutcome.Dutiable, 1m, 150m, "USD"), (line.Category, line.Outcome, line.DutiableQuantity, line.Duty?.Amount, line.ExchangeRate?.Currency.Value));
        Assert.Equal(DeclarationSource.PreDeclarationEditedAtKiosk, facts.Declaration?.Source);
        Assert.Equal((true, true, Guid.Parse("5d7f7b0c-1e4b-4c9e-9f55-2f0c3c0d9a01")), (facts.Declaration?.Edit?.EditedAtKiosk, facts.Declaration?.Edit?.Changed, facts.Declaration?.Edit?.PreDeclarationId));
        Assert.Equal(("NotRequired", "Valid"), (facts.Document?.ActiveAuthentication, facts.Document?.ChipAuthentication));
        Assert.True(facts.ArrivalDate?.Redated);
        Assert.Equal("DG2_HASH_MISMATCH", facts.DocumentCheckDetail);
        Assert.Equal("documentNumber", Assert.Single(facts.MrzErrors!).Field);

        var carried = CarriedRisk.From(facts);
        Assert.Equal(["lost-or-stolen-document"], carried.Hits.Select(h => h.RuleId));
        Assert.Equal(12L, carried.PreviouslyReferred?.CaseNumber);
        Assert.Equal(2, carried.Reasons.Count);
    }

    [Fact]
    public void A_purged_row_and_a_session_with_no_facts_yet_load_as_facts_with_nothing_in_them()
    {
        var purged = ArrivalSessionFacts.Read("""{"personalDataPurgedAt": "2026-12-31T00:00:00+00:00"}""");

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), purged.PersonalDataPurgedAt);
        Assert.Null(purged.Document);
        Assert.Null(purged.Declaration);
        Assert.Null(ArrivalSessionFacts.Read("{}").Document);
        Assert.Null(ArrivalSessionFacts.Read(null).Face);
    }

    [Fact]
    public void What_a_step_writes_has_the_names_the_stored_rows_and_the_sql_readers_use_and_leaves_out_what_it_did_not_decide()
    {
        var json = new ArrivalSessionFacts
        {
            Document = new DocumentFacts(["L1", "L2"], "TD3", "UTO", "UTO", new DateOnly(1961, 8, 4), null, "M", "PACE", "OK", null, "Valid"),
            Declaration = new DeclarationFacts(DeclarationSource.PreDeclarationEditedAtKiosk, JsonDocument.Parse("""{"answers":{"paymentMeansOverThreshold":true}}""").RootElement.Clone()),
        }.ToJson();

        using var written = JsonDocument.Parse(json!);
        var root = written.RootElement;
        Assert.Equal("UTO", root.GetProperty("document").GetProperty("nationality").GetString());
        Assert.Equal("1961-08-04", root.GetProperty("document").GetProperty("dateOfBirth").GetString());
        Assert.Equal("pre-declaration-edited-at-kiosk", root.GetProperty("declaration").GetProperty("source").GetString());
        Assert.True(root.GetProperty("declaration").GetProperty("json").GetProperty("answers").GetProperty("paymentMeansOverThreshold").GetBoolean());
        // A part the step did not decide is absent, so the store's merge (facts || new) keeps the earlier step's.
        Assert.False(root.TryGetProperty("face", out _));
        Assert.False(root.GetProperty("document").TryGetProperty("expiryDate", out _));
        Assert.Null(new ArrivalSessionFacts().ToJson());
    }
}
