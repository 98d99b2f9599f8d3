using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Domain.Tests.PaymentMeans;

public class CurrencyDeclarationJsonTests
{
    private const string Valid = """
        {
          "schemaVersion": 1, "jurisdiction": "JP", "direction": "departure", "declarationDate": "2024-08-07",
          "bearer": { "name": "TEST TRAVELLER", "nationality": "JPN", "documentNumber": "TK0000001", "dateOfBirth": "1980-05-01" },
          "destinationCountry": "KOR", "flight": "KE706", "bookingReference": "ABC123", "transport": "accompanied",
          "instruments": [
            { "kind": "cash", "currency": "JPY", "amount": 1000000, "denominations": [ { "value": 10000, "count": 100 } ] },
            { "kind": "travellersCheques", "currency": "USD", "amount": 3000 },
            { "kind": "securities", "currency": "JPY", "marketValue": 1, "bookValue": 2, "acquisitionValue": 3 },
            { "kind": "prepaidCard", "currency": "EUR", "amount": 50.5 },
            { "kind": "preciousMetal", "metal": "gold", "form": "bar", "weightGrams": 1001, "purityPercent": 99.99 }
          ],
          "owner": { "name": "OWNER COMPANY" },
          "origin": "sale of a car", "intendedUse": "buying a flat"
        }
        """;

    [Fact]
    public void A_complete_declaration_reads_and_writes_back_to_the_same_declaration()
    {
        var read = CurrencyDeclarationJson.Read(Valid);
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var d = read.Declaration!;
        Assert.Equal(Jurisdiction.JP, d.Jurisdiction);
        Assert.Equal(5, d.Instruments.Count);
        Assert.Equal(100, Assert.IsType<CashInstrument>(d.Instruments[0]).Denominations[0].Count);
        Assert.Equal(99.99m, Assert.IsType<PreciousMetalInstrument>(d.Instruments[4]).PurityPercent);

        var again = CurrencyDeclarationJson.Read(CurrencyDeclarationJson.Write(d));
        Assert.True(again.IsValid);
        Assert.Equal(CurrencyDeclarationJson.Write(d), CurrencyDeclarationJson.Write(again.Declaration!));
        Assert.Contains("\"jurisdiction\": \"JP\"", CurrencyDeclarationJson.Write(d), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"travellersCheques\"", CurrencyDeclarationJson.Write(d), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"currency\": \"JPY\", \"amount\": 1000000", "\"currency\": \"yen\", \"amount\": 1000000", "$.instruments[0].currency")]
    [InlineData("\"kind\": \"prepaidCard\"", "\"kind\": \"giftCard\"", "$.instruments[3].kind")]
    [InlineData("\"destinationCountry\": \"KOR\",", "", "$.destinationCountry")]
    [InlineData("\"destinationCountry\": \"KOR\"", "\"destinationCountry\": \"korea\"", "$.destinationCountry")]
    [InlineData("\"count\": 100", "\"count\": 99", "$.instruments[0].denominations")]
    [InlineData("\"purityPercent\": 99.99", "\"purityPercent\": 101", "$.instruments[4].purityPercent")]
    [InlineData("\"marketValue\": 1, \"bookValue\": 2, \"acquisitionValue\": 3", "\"note\": 1", "$.instruments[2].note")]
    [InlineData("\"jurisdiction\": \"JP\"", "\"jurisdiction\": \"XX\"", "$.jurisdiction")]
    [InlineData("\"declarationDate\": \"2024-08-07\"", "\"declarationDate\": \"7/8/2024\"", "$.declarationDate")]
    [InlineData("\"documentNumber\": \"TK0000001\", ", "", "$.bearer.documentNumber")]
    public void An_invalid_field_is_reported_at_its_path(string from, string to, string path)
    {
        var read = CurrencyDeclarationJson.Read(Valid.Replace(from, to, StringComparison.Ordinal));
        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.Path == path);
    }

    [Fact]
    public void An_unknown_schema_version_is_refused()
    {
        var read = CurrencyDeclarationJson.Read(Valid.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal));
        Assert.Equal("$.schemaVersion", Assert.Single(read.Errors).Path);
    }

    [Fact]
    public void The_documented_examples_read_without_errors()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PassengerGate.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var examples = Directory.GetFiles(Path.Combine(dir.FullName, "docs", "schemas", "examples"), "currency-declaration-*.json");
        Assert.NotEmpty(examples);
        foreach (var file in examples)
        {
            var read = CurrencyDeclarationJson.Read(File.ReadAllText(file));
            Assert.True(read.IsValid, file + ": " + string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        }
    }
}
