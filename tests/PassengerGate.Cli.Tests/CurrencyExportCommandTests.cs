using Npgsql;
using PassengerGate.Data.Audit;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.PaymentMeans;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

/// <summary>`pgate currency export`: a stored declaration is in the day's CSV and XML; a bad range or format exits 2.</summary>
public class CurrencyExportCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task A_stored_declaration_of_the_day_is_in_the_CSV_and_the_XML_and_the_next_day_is_empty()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var day = new DateOnly(2026, 11, 30);
        var declaration = new CurrencyDeclaration
        {
            Jurisdiction = Jurisdiction.JP,
            Direction = CarryDirection.Departure,
            DeclarationDate = day,
            Bearer = new Party { Name = "YAMADA KEN", Nationality = "JPN", DocumentNumber = "CX0000001" },
            DestinationCountry = "KOR",
            Instruments = [new CashInstrument(new Money(1_200_000m, CurrencyCode.Jpy))],
        };
        var assessment = CurrencyAssessor.Assess(declaration, Jurisdiction.JP, CurrencyRuleBook.Default, CustomsRateTable.Empty, day).Assessment!;
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var at = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
        var id = await new CurrencyDeclarationStore(dataSource).AddAsync(
            new CurrencyDeclarationStore.NewDeclaration("NRT", "desk", "cli-test", at, declaration, assessment),
            n => new AuditRecord(at, "cli-test", "cli", "currency.declared", "currency:" + CurrencyDeclarationStore.Number(n), "NRT", null),
            default);
        var number = CurrencyDeclarationStore.Number(id);

        var csv = await Run("currency", "export", "--from", "2026-11-30", "--to", "2026-11-30", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("declarationNumber,airport,status", csv.Out, StringComparison.Ordinal);
        Assert.Contains($"{number},NRT,declared,desk,", csv.Out, StringComparison.Ordinal);
        Assert.Contains("YAMADA KEN,JPN,CX0000001", csv.Out, StringComparison.Ordinal);

        var xml = await Run("currency", "export", "--from", "2026-11-30", "--to", "2026-11-30", "--format", "xml");
        Assert.Equal(0, xml.ExitCode);
        var doc = System.Xml.Linq.XDocument.Parse(xml.Out);
        System.Xml.Linq.XNamespace ns = FiuExport.XmlNamespace;
        var element = Assert.Single(doc.Root!.Elements(ns + "Declaration"));
        Assert.Equal(number, (string?)element.Attribute("number"));
        Assert.Equal("1200000", (string?)element.Element(ns + "Cash")!.Element(ns + "Total"));

        var nextDay = await Run("currency", "export", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "csv");
        Assert.DoesNotContain(number, nextDay.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-11-30", "--to", "2026-11-29", "--format", "csv")]
    [InlineData("--from", "2026-11-30", "--to", "2026-11-30", "--format", "pdf")]
    [InlineData("--from", "30.11.2026", "--to", "2026-11-30", "--format", "csv")]
    public async Task A_bad_range_or_format_exits_2(string a, string b, string c, string d, string e, string f)
    {
        var result = await Run("currency", "export", a, b, c, d, e, f);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Error);
    }
}
