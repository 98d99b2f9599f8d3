using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.Tests.Arrival;

public class DeclarationJsonTests
{
    private const string Valid = """
        {
          "schemaVersion": 1,
          "groupId": "family-42",
          "declarant": { "role": "guardian", "guardianName": "Parent Traveller" },
          "header": {
            "flightOrVessel": "JL61", "embarkationPoint": "LAX", "arrivalDate": "2026-11-20",
            "name": "Child Traveller", "addressInJapan": "Hotel, Tokyo", "phone": "", "nationality": "D",
            "occupation": "", "dateOfBirth": "2022-03-04", "passportNumber": "C01X00T47",
            "family": { "aged20OrOver": 2, "aged6To19": 0, "under6": 0 }
          },
          "answers": {
            "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": false,
            "commercialGoodsOrSamples": false, "carriedForSomeoneElse": false, "paymentMeansOverThreshold": false,
            "unaccompaniedBaggage": true
          },
          "unaccompaniedPackages": 2,
          "goods": {
            "alcohol": [ { "kind": "whiskyBrandy", "bottles": 1, "volumeMlPerBottle": 700 } ],
            "cigarettes": 20,
            "heatedTobacco": { "packs": 1, "unitsPerPack": 20, "unit": "stick" },
            "perfumeMl": 30.5,
            "otherGoods": [
              { "description": "toy train", "kind": "toys", "quantity": 2, "unitRetailValue": 49.99, "currency": "USD", "forChild": true },
              { "description": "rice", "quantity": 1, "unitRetailValue": 3000, "currency": "JPY", "exclusion": "rice" }
            ]
          }
        }
        """;

    [Fact]
    public void A_valid_declaration_reads_into_the_model()
    {
        var result = DeclarationJson.Read(Valid);
        Assert.Empty(result.Errors);
        var d = result.Declaration!;
        Assert.Equal(DeclarantRole.Guardian, d.Declarant.Role);
        Assert.Equal("family-42", d.GroupId);
        Assert.Equal("D", d.Header.Nationality);
        Assert.Equal(new DateOnly(2022, 3, 4), d.Header.DateOfBirth);
        Assert.Equal(new FamilyBands(2, 0, 0), d.Header.Family);
        Assert.True(d.Answers.UnaccompaniedBaggage);
        Assert.Equal(2, d.UnaccompaniedPackages);
        Assert.Equal(new AlcoholLine(AlcoholKind.WhiskyBrandy, 1, 700), d.Goods.Alcohol[0]);
        Assert.Equal(30.5m, d.Goods.PerfumeMl);
        Assert.Equal(new Money(49.99m, CurrencyCode.Parse("USD")), d.Goods.OtherGoods[0].UnitRetailValue);
        Assert.True(d.Goods.OtherGoods[0].ForChild);
        Assert.Equal(SimplifiedExclusion.Rice, d.Goods.OtherGoods[1].Exclusion);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var first = DeclarationJson.Read(Valid).Declaration!;
        var again = DeclarationJson.Read(DeclarationJson.Write(first));
        Assert.Empty(again.Errors);
        var d = again.Declaration!;
        Assert.Equal(first.Header with { Family = d.Header.Family }, d.Header);
        Assert.Equal(first.Header.Family, d.Header.Family);
        Assert.Equal(first.Answers, d.Answers);
        Assert.Equal(first.Declarant, d.Declarant);
        Assert.Equal(first.Goods.Alcohol, d.Goods.Alcohol);
        Assert.Equal(first.Goods.OtherGoods, d.Goods.OtherGoods);
        Assert.Equal(first.Goods.HeatedTobacco, d.Goods.HeatedTobacco);
        Assert.Equal(first.UnaccompaniedPackages, d.UnaccompaniedPackages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void Bad_json_is_an_error_at_the_root_not_an_exception(string json)
    {
        var result = DeclarationJson.Read(json);
        Assert.False(result.IsValid);
        Assert.Equal("$", result.Errors[0].Path);
    }

    [Fact]
    public void A_missing_schema_version_is_an_error()
    {
        var result = DeclarationJson.Read("""{ "header": {} }""");
        Assert.Equal("$.schemaVersion", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_by_name()
    {
        var result = DeclarationJson.Read("""{ "schemaVersion": 2 }""");
        Assert.Contains("unsupported schema version 2", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_listed_with_its_field_path()
    {
        var json = Valid
            .Replace("\"nationality\": \"D\"", "\"nationality\": \"usa\"", StringComparison.Ordinal)
            .Replace("\"goldBullionOrProducts\": false,", "", StringComparison.Ordinal)
            .Replace("\"bottles\": 1", "\"bottles\": 0", StringComparison.Ordinal)
            .Replace("\"currency\": \"USD\"", "\"currency\": \"US$\"", StringComparison.Ordinal)
            .Replace("\"kind\": \"whiskyBrandy\"", "\"kind\": \"scotch\"", StringComparison.Ordinal)
            .Replace("\"perfumeMl\": 30.5", "\"perfumeMl\": 30.5, \"perfumeOz\": 1", StringComparison.Ordinal);
        var result = DeclarationJson.Read(json);
        Assert.Null(result.Declaration);
        var paths = result.Errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("$.header.nationality", paths);
        Assert.Contains("$.answers.goldBullionOrProducts", paths);
        Assert.Contains("$.goods.alcohol[0].bottles", paths);
        Assert.Contains("$.goods.alcohol[0].kind", paths);
        Assert.Contains("$.goods.otherGoods[0].currency", paths);
        Assert.Contains("$.goods.perfumeOz", paths);
        Assert.Equal(6, result.Errors.Count);
    }

    [Fact]
    public void Unaccompanied_yes_needs_a_package_count()
    {
        var result = DeclarationJson.Read(Valid.Replace("\"unaccompaniedPackages\": 2", "\"unaccompaniedPackages\": 0", StringComparison.Ordinal));
        Assert.Equal("$.unaccompaniedPackages", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_guardian_must_be_named()
    {
        var result = DeclarationJson.Read(Valid.Replace("\"guardianName\": \"Parent Traveller\"", "\"guardianName\": \" \"", StringComparison.Ordinal));
        Assert.Equal("$.declarant.guardianName", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_birth_date_after_arrival_is_an_error()
    {
        var result = DeclarationJson.Read(Valid.Replace("2022-03-04", "2027-01-01", StringComparison.Ordinal));
        Assert.Equal("$.header.dateOfBirth", Assert.Single(result.Errors).Path);
    }
}
