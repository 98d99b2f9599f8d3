using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.SecureMessaging;
using PassengerGate.Icao.Tests.Support;

namespace PassengerGate.Icao.Tests.SecureMessaging;

// ICAO Doc 9303-11 App. D.4 (tech.md §2.3; ZeroPass/dmrtd test/sm_test.dart, zienit SMTest.java):
// session keys from App. D.3, SSC 887022120C06C226, then SELECT EF.COM and two READ BINARY.
public class SecureMessagingWorkedExampleTests
{
    private static SecureMessagingSession WorkedExampleSession() => new(
        new SecureMessagingCipher(SecureMessagingAlgorithm.TripleDes, Hex.Decode("979EC13B1CBFE9DCD01AB0FED307EAE5"), Hex.Decode("F1CB1F1FB5ADF208806B89DC579DC1F8")),
        Hex.Decode("887022120C06C226"));

    [Fact]
    public async Task Reading_EF_COM_produces_the_three_protected_APDU_pairs_and_the_plain_file()
    {
        var transport = new ScriptedTransport(
            ("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800", "990290008E08FA855A5D4C50A8ED9000"),
            ("0CB000000D9701048E08ED6705417E96BA5500", "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"),
            ("0CB000040D9701128E082EA28A70F3C7B53500", "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));
        var channel = new ChipChannel(transport) { Session = WorkedExampleSession() };

        var file = await new ChipFileReader(channel, ChipFileReader.ShortChunk).ReadFileAsync(LdsFiles.Com, default);

        Assert.True(transport.Finished);
        Assert.Equal("60145F0104303130365F36063034303030305C026175", Hex.Encode(file));
        Assert.Equal("887022120C06C22C", Hex.Encode(channel.Session.SendSequenceCounter));
    }

    [Fact]
    public void The_EF_COM_of_the_worked_example_lists_DG1_and_DG2()
    {
        // App. D.4 plain EF.COM: LDS 0106, Unicode 040000, tags 61 75.
        var com = EfCom.Parse(Hex.Decode("60145F0104303130365F36063034303030305C026175"));
        Assert.Equal("0106", com.LdsVersion);
        Assert.Equal([1, 2], com.DataGroups);
    }

    [Fact]
    public async Task A_response_with_a_bad_MAC_is_rejected()
    {
        // The App. D.4 SELECT response with one MAC byte changed (…A8ED → …A8EE).
        var transport = new ScriptedTransport(
            ("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800", "990290008E08FA855A5D4C50A8EE9000"));
        var channel = new ChipChannel(transport) { Session = WorkedExampleSession() };

        await Assert.ThrowsAsync<SecureMessagingException>(() => new ChipFileReader(channel, 0xDF).ReadFileAsync(LdsFiles.Com, default));
    }

    [Fact]
    public void The_chip_side_verifies_the_worked_example_commands_and_reproduces_its_responses()
    {
        // Card side of App. D.4: starting from the same SSC, the chip sees the same counter values as the terminal.
        var chip = WorkedExampleSession();

        var select = chip.UnwrapCommand(CommandApdu.Parse(Hex.Decode("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")));
        Assert.Equal("011E", Hex.Encode(select.Data.Span));
        var selectResponse = chip.WrapResponse(new ResponseApdu(ReadOnlyMemory<byte>.Empty, 0x9000), oddInstruction: false);
        Assert.Equal("990290008E08FA855A5D4C50A8ED9000", Hex.Encode(selectResponse.Encode()));

        var read = chip.UnwrapCommand(CommandApdu.Parse(Hex.Decode("0CB000000D9701048E08ED6705417E96BA5500")));
        Assert.Equal(4, read.Ne);
        var readResponse = chip.WrapResponse(new ResponseApdu(Hex.Decode("60145F01"), 0x9000), oddInstruction: false);
        Assert.Equal("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000", Hex.Encode(readResponse.Encode()));
    }

    [Fact]
    public void The_chip_side_rejects_a_command_with_a_bad_MAC()
    {
        // App. D.4 READ BINARY with the last MAC byte changed (…BA55 → …BA56).
        var chip = WorkedExampleSession();
        Assert.Throws<SecureMessagingException>(() => chip.UnwrapCommand(CommandApdu.Parse(Hex.Decode("0CB000000D9701048E08ED6705417E96BA5600"))));
    }
}
