using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;

namespace PassengerGate.Icao.Tests.Apdu;

// Encodings follow ISO/IEC 7816-3 §12.1 (cases 1–4, short and extended); the byte strings are APDUs of
// Doc 9303-11 App. D (tech.md §2.2–2.3) and the eMRTD SELECT of gmrtd nfc_session_test.go (tech.md §2.1).
public class CommandApduTests
{
    [Fact]
    public void Select_of_the_eMRTD_application_is_a_case_3_short_APDU()
    {
        var select = new CommandApdu(0x00, 0xA4, 0x04, 0x0C, Hex.Decode("A0000002471001"), 0);
        Assert.Equal("00A4040C07A0000002471001", Hex.Encode(select.Encode()));
    }

    [Fact]
    public void Get_challenge_is_a_case_2_short_APDU()
    {
        Assert.Equal("0084000008", Hex.Encode(new CommandApdu(0x00, 0x84, 0x00, 0x00, ReadOnlyMemory<byte>.Empty, 8).Encode()));
    }

    [Fact]
    public void A_protected_read_binary_parses_as_case_4_with_Le_00_meaning_256()
    {
        var apdu = CommandApdu.Parse(Hex.Decode("0CB000000D9701048E08ED6705417E96BA5500"));
        Assert.Equal(0x0C, apdu.Cla);
        Assert.Equal(13, apdu.Data.Length);
        Assert.Equal(256, apdu.Ne);
        Assert.False(apdu.IsExtended);
    }

    [Theory]
    // ISO/IEC 7816-3 §12.1.3: case 2E = 00 Le1 Le2; case 4E = 00 Lc1 Lc2 data Le1 Le2; Le 0000 means 65536.
    [InlineData("00B00000000800", 0, 0x0800)]
    [InlineData("00B00000000000", 0, 65536)]
    [InlineData("00B1000000000554030080000804", 5, 0x0804)]
    public void Extended_length_APDUs_round_trip(string hex, int dataLength, int ne)
    {
        var apdu = CommandApdu.Parse(Hex.Decode(hex));
        Assert.True(apdu.IsExtended);
        Assert.Equal(dataLength, apdu.Data.Length);
        Assert.Equal(ne, apdu.Ne);
        Assert.Equal(hex, Hex.Encode(apdu.Encode()));
    }

    [Theory]
    [InlineData("00B0")]
    [InlineData("00A4040C07A00000024710")]
    public void Malformed_APDUs_are_rejected(string hex)
    {
        Assert.Throws<FormatException>(() => CommandApdu.Parse(Hex.Decode(hex)));
    }

    [Theory]
    // ISO/IEC 7816-3 §8.2: T0 high nibble says which interface bytes follow, low nibble counts historical bytes;
    // ISO/IEC 7816-4 §8.1.1.2.7: compact-TLV 73 = card capabilities, third byte bit 0x40 = extended Lc/Le.
    [InlineData("3B858001807300004054", true)]
    [InlineData("3B858001807300000014", false)]
    [InlineData("3B80800101", false)]
    public void The_ATR_card_capabilities_announce_extended_length(string atr, bool extended)
    {
        Assert.Equal(extended, AnswerToReset.SupportsExtendedLength(Hex.Decode(atr)));
    }
}
