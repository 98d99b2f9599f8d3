using System.Text.Json;
using Npgsql;
using PassengerGate.Data.Risk;
using PassengerGate.Domain.Risk;
using PassengerGate.TestSupport;

namespace PassengerGate.Cli.Tests;

public class RiskCommandTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private Task<CliRunner.Result> Run(params string[] args) =>
        CliRunner.RunAsync(TimeProvider.System, name => name == "PASSENGERGATE_DB" ? db.ConnectionString : null, args);

    [Fact]
    public async Task The_sample_watchlist_imports_and_a_reimport_adds_nothing()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var first = await Run("risk", "watchlist", "import", RiskSampleData.File("watchlist.csv"));
        var again = await Run("risk", "watchlist", "import", RiskSampleData.File("watchlist.csv"));

        Assert.Equal(0, first.ExitCode);
        var json = JsonDocument.Parse(first.Out).RootElement;
        // deploy/sample-data/watchlist.csv: 2 lost-stolen lines and 3 watchlist lines.
        Assert.Equal(2, json.GetProperty("lostStolen").GetInt32());
        Assert.Equal(3, json.GetProperty("watchlist").GetInt32());
        Assert.Equal(5, JsonDocument.Parse(again.Out).RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT count(*) FROM watchlist_entries WHERE source LIKE 'SAMPLE%'"));
    }

    [Fact]
    public async Task A_watchlist_with_a_bad_line_exits_2_and_imports_nothing()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        var file = RiskSampleData.Temp(WatchlistCsv.Header + "\nlost-stolen,QQ0000009,UTO,,,,reason,BAD-FILE list,2026-01-01,\nwatchlist,,,Roe,Richard,,reason,BAD-FILE list,2026-01-01,\n");

        var result = await Run("risk", "watchlist", "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":3: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM watchlist_entries WHERE source = 'BAD-FILE list'"));
    }

    [Fact]
    public async Task Rules_set_saves_a_version_that_rules_show_returns_and_a_bad_document_saves_nothing()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var set = await Run("risk", "rules", "set", RiskSampleData.File("rules.json"));
        var bad = await Run("risk", "rules", "set", RiskSampleData.Temp("""{ "randomSelectionRate": 0.02, "rules": [ { "id": "x", "kind": "faceLooksNervous" } ] }""", ".json"));
        var show = await Run("risk", "rules", "show");

        Assert.Equal(0, set.ExitCode);
        var version = JsonDocument.Parse(set.Out).RootElement.GetProperty("version").GetInt32();
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("$.rules[0].kind", bad.Error, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        var shown = JsonDocument.Parse(show.Out).RootElement;
        Assert.Equal(version, shown.GetProperty("version").GetInt32());
        // deploy/sample-data/rules.json: 5 rules, random selection 0.02.
        Assert.Equal(5, shown.GetProperty("document").GetProperty("rules").GetArrayLength());
        Assert.Equal(0.02, shown.GetProperty("document").GetProperty("randomSelectionRate").GetDouble());
    }

    [Fact]
    public async Task Seed_rotation_goes_forward_and_never_prints_the_secret()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);

        var a = await Run("risk", "seed", "rotate", "--from", "2026-11-01");
        var b = await Run("risk", "seed", "rotate", "--from", "2026-11-20");
        var backwards = await Run("risk", "seed", "rotate", "--from", "2026-11-10");
        var shownBefore = await Run("risk", "seed", "show", "--as-of", "2026-11-19");

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        Assert.Equal(2, backwards.ExitCode);
        var seedA = JsonDocument.Parse(a.Out).RootElement;
        var before = JsonDocument.Parse(shownBefore.Out).RootElement;
        Assert.Equal(seedA.GetProperty("seedId").GetString(), before.GetProperty("seedId").GetString());
        Assert.Equal("2026-11-19", before.GetProperty("validTo").GetString());

        // The printed fingerprint is SHA-256 of the stored secret, and the secret itself appears nowhere in the output.
        var secretHex = await db.ScalarAsync<string>($"SELECT encode(secret, 'hex') FROM selection_seeds WHERE seed_id = '{seedA.GetProperty("seedId").GetString()}'");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(secretHex!))), seedA.GetProperty("fingerprint").GetString());
        Assert.DoesNotContain(secretHex!, a.Out + shownBefore.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_the_sample_data_a_stolen_document_and_a_transliterated_name_are_hits()
    {
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        Assert.Equal(0, (await Run("risk", "watchlist", "import", RiskSampleData.File("watchlist.csv"))).ExitCode);
        Assert.Equal(0, (await Run("risk", "rules", "set", RiskSampleData.File("rules.json"))).ExitCode);
        Assert.Equal(0, (await Run("apis", "import", RiskSampleData.File("apis-ZZ901-2026-11-25.csv"))).ExitCode);
        var day = new DateOnly(2026, 11, 25);
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var store = new RiskDataStore(dataSource);
        var rules = (await store.LoadRulesAsync(default))!.RuleSet.Rules;
        var watchlist = await store.LoadWatchlistAsync(day, default);
        var manifest = await store.LoadApisAsync("ZZ901", day, default);

        // The sample watchlist lists Müller, Hans Peter, born 1970-01-01; an MRZ prints MUELLER<<HANS<PETER (tech.md §1.5: Ü→UE).
        // He is on the ZZ901 manifest with document ZZ0000047 and declared something, so only the name rule fires.
        var mueller = new RiskContext
        {
            Traveller = new TravellerIdentity { Surname = "MUELLER", GivenNames = "HANS<PETER", DateOfBirth = new DateOnly(1970, 1, 1), DocumentNumber = "ZZ0000047", IssuingState = "UTO", Nationality = "UTO" },
            Flight = "ZZ901",
            ArrivalDate = day,
            EmbarkationPoint = "UTOPIA CITY",
            Declaration = new DeclarationSummary(DeclaredAnything: true, GoodsOverAllowance: false),
        };
        Assert.Equal(["name-on-watchlist"], RiskScreen.Evaluate(mueller, rules, watchlist, manifest, day).Hits.Select(h => h.RuleId));

        // ZZ0000013 is listed stolen; its bearer is not on the manifest and declared nothing on the flagged flight.
        var stolen = mueller with
        {
            Traveller = mueller.Traveller with { Surname = "ROE", GivenNames = "RICHARD", DocumentNumber = "ZZ0000013" },
            Declaration = new DeclarationSummary(false, false),
        };
        Assert.Equal(
            ["lost-or-stolen-document", "flagged-route-nothing-declared", "not-on-manifest"],
            RiskScreen.Evaluate(stolen, rules, watchlist, manifest, day).Hits.Select(h => h.RuleId));
    }

    [Theory]
    [InlineData("risk", "watchlist", "import")]
    [InlineData("risk", "rules", "set", "/no/such/rules.json")]
    [InlineData("risk", "rules", "show", "extra")]
    [InlineData("risk", "seed", "rotate", "--from", "tomorrow")]
    [InlineData("risk", "seed", "show", "--bogus")]
    public async Task Bad_arguments_exit_2(params string[] args)
    {
        var result = await Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pgate: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_exits_1()
    {
        var result = await Run("risk", "rules", "show", "--db", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        Assert.Equal(1, result.ExitCode);
    }
}
