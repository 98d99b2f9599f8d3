using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Reading;
using PassengerGate.Icao.Tests.Support;

namespace PassengerGate.Icao.Tests.ChipAuthentication;

/// <summary>
/// The terminal's Chip Authentication commands as BSI TR-03110-3 App. B lays them out (MSE:Set KAT: CLA 00, INS 22, P1 41, P2 A6,
/// DO'91' ephemeral public key, DO'84' key reference; MSE:Set AT 41 A4 with DO'80' protocol OID, then
/// GENERAL AUTHENTICATE 86 with 7C { 80 key }) and Doc 9303-11 §6.2.4 describes them; shown in plain (no session) so the
/// bytes are visible, followed by the verifier's commands passed on unchanged.
/// </summary>
public class ChipAuthenticatorCommandTests
{
    private static readonly byte[] Key = [0x04, 0x11, 0x22, 0x33, 0x44];

    [Fact]
    public async Task Three_DES_chip_authentication_sends_MSE_Set_KAT_with_the_key_and_key_reference_then_the_verifier_commands()
    {
        var transport = new ScriptedTransport(
            ("00 22 41 A6 0A 91 05 0411223344 84 01 01", "9000"),
            ("0CA4020C 00", "6988"));
        var challenge = new ChipAuthenticationChallenge(ChipAuthenticationInfos.CaEcdh3Des, 1, Key, [[0x0C, 0xA4, 0x02, 0x0C, 0x00]]);

        var exchange = await ChipAuthenticator.AuthenticateAsync(new ChipChannel(transport), challenge, default);

        Assert.True(transport.Finished);
        Assert.Equal(ChipAuthenticationOutcome.Performed, exchange.Outcome);
        Assert.Equal([[0x69, 0x88]], exchange.Responses);
    }

    [Fact]
    public async Task AES_chip_authentication_sends_MSE_Set_AT_with_the_protocol_then_GENERAL_AUTHENTICATE_with_the_key()
    {
        // 0.4.0.127.0.7.2.2.3.2.2 = id-CA-ECDH-AES-CBC-CMAC-128, DER value 04 00 7F 00 07 02 02 03 02 02.
        var transport = new ScriptedTransport(
            ("00 22 41 A4 0C 80 0A 04007F00070202030202", "9000"),
            ("00 86 00 00 09 7C 07 80 05 0411223344 00", "7C00 9000"));
        var challenge = new ChipAuthenticationChallenge(ChipAuthenticationInfos.CaEcdhAes128, null, Key, []);

        var exchange = await ChipAuthenticator.AuthenticateAsync(new ChipChannel(transport), challenge, default);

        Assert.True(transport.Finished);
        Assert.Equal(ChipAuthenticationOutcome.Performed, exchange.Outcome);
    }

    [Fact]
    public async Task A_refused_key_agreement_is_reported_with_its_status_and_nothing_else_is_sent()
    {
        var transport = new ScriptedTransport(("00 22 41 A6 07 91 05 0411223344", "6A80"));
        var challenge = new ChipAuthenticationChallenge(ChipAuthenticationInfos.CaEcdh3Des, null, Key, [[0x0C, 0xA4, 0x02, 0x0C, 0x00]]);

        var exchange = await ChipAuthenticator.AuthenticateAsync(new ChipChannel(transport), challenge, default);

        Assert.True(transport.Finished);
        Assert.Equal((ChipAuthenticationOutcome.Refused, (ushort?)0x6A80), (exchange.Outcome, exchange.StatusWord));
    }
}
