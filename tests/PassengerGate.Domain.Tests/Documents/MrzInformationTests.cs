using System.Security.Cryptography;
using System.Text;
using PassengerGate.Domain.Documents;

namespace PassengerGate.Domain.Tests.Documents;

public class MrzInformationTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    // SHA-1 is what Doc 9303 Part 11 §9.7.1 prescribes for the BAC key seed; it is not used here for security.
#pragma warning disable CA5350
    private static string KeySeed(string mrzInformation) =>
        Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(mrzInformation)).AsSpan(0, 16));
#pragma warning restore CA5350

    [Fact]
    public void The_Part_11_D2_MRZ_gives_the_ICAO_MRZ_information_and_key_seed()
    {
        // Doc 9303 Part 11 App. D.2 via zienit/icao-examples BACTest.java (tech.md §2.2):
        // MRZ_information L898902C<369080619406236, Kseed 239AB9CB282DAF66231DC5A4DF6BFBAE.
        var mrz = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C<3UTO6908061F9406236ZE184226B<<<<<14"], Today);

        var information = MrzInformation.From(mrz);

        Assert.Equal("L898902C<369080619406236", information);
        Assert.Equal("239AB9CB282DAF66231DC5A4DF6BFBAE", KeySeed(information));
    }

    [Fact]
    public void A_long_TD1_number_is_used_whole_with_its_own_check_digit()
    {
        // dmrtd test/bac_test.dart (tech.md §2.2): D23145890734 + 9, 340712 + 7, 950712 + 2 → Kseed b366ad857ddca2b08c0e299811714730.
        var td1 = MrzParser.Parse(["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"], Today);
        var td2 = MrzParser.Parse(["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8"], Today);

        Assert.Equal("D23145890734934071279507122", MrzInformation.From(td1));
        Assert.Equal("B366AD857DDCA2B08C0E299811714730", KeySeed(MrzInformation.From(td1)));
        Assert.Equal(MrzInformation.From(td1), MrzInformation.From(td2));
    }

    [Fact]
    public void Dates_that_are_not_six_characters_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MrzInformation.Create("L898902C", "6908", "940623"));
    }
}
