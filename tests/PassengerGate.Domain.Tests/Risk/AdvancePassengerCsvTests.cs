using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Tests.Risk;

public class AdvancePassengerCsvTests
{
    private const string Header = "flight,date,name,documentNumber,nationality,bookingReference";

    [Fact]
    public void Reads_a_manifest_and_brings_flights_and_documents_to_one_form()
    {
        // IATA designators: "NH 0110" and "NH110" are one flight (airline code + number; leading zeros are padding).
        var csv = Header + "\r\nNH 0110,2026-11-25,\"ERIKSSON, ANNA MARIA\",l898902c3,UTO,ABC123\r\nnh110,2026-11-25,MUSTERMANN ERIKA,C01X00T47,D,\r\n";

        var import = AdvancePassengerCsv.Parse(csv);

        Assert.True(import.Succeeded, string.Join("; ", import.Errors));
        Assert.All(import.Records, r => Assert.Equal("NH110", r.Flight));
        Assert.Equal("L898902C3", import.Records[0].DocumentNumber);
        Assert.Equal("ERIKSSON, ANNA MARIA", import.Records[0].Name);
        Assert.Equal("DEU", import.Records[1].Nationality);
        Assert.Equal("", import.Records[1].BookingReference);
    }

    [Fact]
    public void Errors_carry_line_numbers_and_nothing_is_returned()
    {
        var csv = Header + "\n"
            + "NH110,2026-11-25,A B,X1,JPN,PNR1\n"
            + "110,2026-11-25,A B,X2,JPN,PNR1\n"
            + "NH110,25/11/2026,A B,X3,JPN,PNR1\n"
            + "NH110,2026-11-25,,X4,JAPAN,PNR1\n"
            + "NH110,2026-11-25,A B,X1,JPN,PNR1\n"
            + "NH110,2026-11-25,A B\n";

        var import = AdvancePassengerCsv.Parse(csv);

        Assert.Empty(import.Records);
        Assert.Contains(import.Errors, e => e.Line == 3 && e.Message.StartsWith("flight '110'", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 4 && e.Message.StartsWith("date '25/11/2026'", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 5 && e.Message == "name is empty");
        Assert.Contains(import.Errors, e => e.Line == 5 && e.Message.StartsWith("nationality 'JAPAN'", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 6 && e.Message.Contains("already on NH110 2026-11-25 at line 2", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 7 && e.Message.StartsWith("expected 6 columns", StringComparison.Ordinal));
        Assert.DoesNotContain(import.Errors, e => e.Line == 2);
    }

    [Fact]
    public void A_header_only_file_is_an_error_not_an_empty_manifest()
    {
        var import = AdvancePassengerCsv.Parse(Header + "\n");
        Assert.False(import.Succeeded);
    }
}
