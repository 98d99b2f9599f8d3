using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class WatchlistCsvTests
{
    private const string Header = "kind,documentNumber,issuingState,surname,givenNames,dateOfBirth,reason,source,validFrom,validTo";

    [Fact]
    public void Reads_document_and_person_entries_with_quoted_commas()
    {
        var csv = Header + "\n"
            + "lost-stolen,C01X 00T47,D,,,,reported stolen,TEST SLTD,2026-01-01,\n"
            + "watchlist,,,Müller,Hans,1964-08-12,\"smuggling, 2024 case\",TEST list,2026-01-01,2027-12-31\n";

        var import = WatchlistCsv.Parse(csv);

        Assert.True(import.Succeeded, string.Join("; ", import.Errors));
        Assert.Equal(2, import.Entries.Count);
        Assert.Equal("C01X00T47", import.Entries[0].DocumentNumber);
        Assert.Equal("DEU", import.Entries[0].IssuingState);
        Assert.Equal(WatchlistKind.LostStolen, import.Entries[0].Kind);
        Assert.Equal("smuggling, 2024 case", import.Entries[1].Reason);
        Assert.Equal(new DateOnly(2027, 12, 31), import.Entries[1].ValidTo);
    }

    [Fact]
    public void A_bad_line_rejects_the_whole_file_and_names_the_line()
    {
        var csv = Header + "\n"
            + "watchlist,,,Müller,Hans,1964-08-12,reason,src,2026-01-01,\n"
            + "lost-stolen,,,,,,reason,src,2026-01-01,\n"
            + "watchlist,,,Doe,,,reason,src,2026-01-01,\n"
            + "stolen,X1,,,,,reason,src,2026-13-01,\n";

        var import = WatchlistCsv.Parse(csv);

        Assert.False(import.Succeeded);
        Assert.Empty(import.Entries);
        Assert.Contains(import.Errors, e => e.Line == 3 && e.Message.Contains("needs a documentNumber", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 4 && e.Message.Contains("dateOfBirth", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 5 && e.Message.Contains("kind 'stolen'", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 5 && e.Message.Contains("validFrom '2026-13-01'", StringComparison.Ordinal));
        Assert.DoesNotContain(import.Errors, e => e.Line == 2);
    }

    [Fact]
    public void A_wrong_header_is_refused_at_line_1()
    {
        var import = WatchlistCsv.Parse("kind,surname\nwatchlist,Doe\n");
        Assert.Equal(1, Assert.Single(import.Errors).Line);
    }
}
