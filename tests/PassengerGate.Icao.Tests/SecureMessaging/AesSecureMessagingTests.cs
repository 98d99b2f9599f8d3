using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.SecureMessaging;

namespace PassengerGate.Icao.Tests.SecureMessaging;

// AES secure messaging vectors from gmrtd/gmrtd iso7816/secure_messaging_test.go (the Go reader tech.md §2.3 cites
// for its AES-SM transcript): SSC as the IV seed, AES-CMAC truncated to 8 bytes, DO'87' / DO'99' / DO'8E'.
public class AesSecureMessagingTests
{
    [Fact]
    public void An_AES_128_protected_MSE_command_matches_gmrtd()
    {
        // TestSecureMessageEncode, AES case: SSC …BA before, …BB used.
        var session = new SecureMessagingSession(
            new SecureMessagingCipher(SecureMessagingAlgorithm.Aes128, Hex.Decode("cc86415f2ed7e8fd663b754265695ae1"), Hex.Decode("581e84b8ee06c4d3eee30461498d7fb3")),
            Hex.Decode("000000000000000000000000000000ba"));

        var wrapped = session.WrapCommand(new CommandApdu(0x00, 0x22, 0x41, 0xA4, Hex.Decode("800a04007f000702020302028401c3"), 0));

        Assert.Equal("0C2241A41D871101980953D37F67558690045D78A853B18A8E08929767A2CEF172E200", Hex.Encode(wrapped.Encode()));
        Assert.Equal("000000000000000000000000000000BB", Hex.Encode(session.SendSequenceCounter));
    }

    [Fact]
    public void An_AES_128_protected_response_decrypts_as_in_gmrtd()
    {
        // TestSecureMessageDecode, AES case: SSC …0B before, …0C used.
        var session = new SecureMessagingSession(
            new SecureMessagingCipher(SecureMessagingAlgorithm.Aes128, Hex.Decode("a8e85e938514ec67ae33cda3d43d3c48"), Hex.Decode("27f1adeb705a049a305b0c619b14b9b3")),
            Hex.Decode("0000000000000000000000000000000b"));
        var response = ResponseApdu.Parse(Hex.Decode(
            "8781e1012fabf9e0655d7e987fd28a8aeb19c9cadd990d49399799ed1fe465bcea56da9ba3024291d40d23d7f1e00485d71faddc6d8c1382e8028dd22efdcc72ed47663d" +
            "56d20dd6c4b867956fe0507313083ae7fc54fb46133f184febbe13ad6fd3e2616a1f4a829e75ada1a0e443ca738288f6014be8a7745d8259b089e6bee35bcc4bf5b63db5" +
            "fdd84244f67eca099213b70a861b4487225aa68af684278fceb4cb809de42be3ee95b0e0d72bcdb0ed47cb56efc264e04a9397a90e81ad1d81efa2d14b2ca8ec7bd997f4" +
            "b1c1fd344d5dee8589c38b227ca4cb35810060a7cc76403e990290008e083eb47ef4fa82afc99000"));

        var plain = session.UnwrapResponse(response);

        Assert.Equal(0x9000, plain.StatusWord);
        Assert.Equal(
            "A729901D1A71874700133107EC53306404307BC382C63D8C150C3C72080ACE05AFA0C2BEA28E4FB22787139165EFBA91F90F8AA5814A503AD4EB04A8C7DD22CE282604" +
            "3004A8C7DD22CE28268B39B55416F0447C2FB77DE107DCD2A62E880EA53EEB62D57CB4390295DBC9943AB78696FA504C110461041D1C64F068CF45FFA2A63A81B7C13F6B" +
            "8847A3E77EF14FE3DB7FCAFE0CBD10E8E826E03436D646AAEF87B2E247D4AF1E8ABE1D7520F9C2A45CB1EB8E95CFD55262B70B29FEEC5864E19C054FF99129280E464621" +
            "7791811142820341263C53150231008CB91E82A3",
            Hex.Encode(plain.Data.Span));
        Assert.Equal("0000000000000000000000000000000C", Hex.Encode(session.SendSequenceCounter));
    }

    [Fact]
    public void AES_256_data_decrypt_with_the_SSC_derived_IV_as_in_gmrtd()
    {
        // TestDecodeSmRApduData, AES case: DO'87' value after the 01 indicator, SSC …26 → part of an EF.COM.
        var cipher = new SecureMessagingCipher(
            SecureMessagingAlgorithm.Aes256,
            Hex.Decode("74b94f408bbb2cd92571fd5b6370a94cce7a2fa42ae3eb4da47b97ce6eaa24c6"),
            Hex.Decode("9e28d5d9ff1d979be752e8926bf0e1d35a440fc0aefc4aa3bc5610055ac8b113"));

        var plain = IsoPadding.Unpad(cipher.Decrypt(Hex.Decode("00000000000000000000000000000026"), Hex.Decode("42e919c115faf69350b01813d77a9e8d91912a7f717afd073f199070e61b79c6")));

        Assert.Equal("04303130385F36063034303030305C06617563766D6E", Hex.Encode(plain));
    }
}
