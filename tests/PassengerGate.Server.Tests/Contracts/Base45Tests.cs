using System.Text;
using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.Server.Tests.Contracts;

public class Base45Tests
{
    // RFC 9285 §4.3 (encoding examples) and §4.4 (decoding example "QED8WEX0" → "ietf!").
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    public void The_RFC_9285_examples_encode_and_decode(string bytes, string text)
    {
        Assert.Equal(text, Base45.Encode(Encoding.ASCII.GetBytes(bytes)));
        Assert.True(Base45.TryDecode(text, out var decoded));
        Assert.Equal(bytes, Encoding.ASCII.GetString(decoded));
    }

    [Theory]
    // RFC 9285 §4.2: a triple above 65535 MUST be rejected; G=16, W=32 in the §4 table, so
    // "GGW" = 16 + 16×45 + 32×45² = 65536.
    [InlineData("GGW")]
    // A length of 3k+1 cannot come from any byte string (§4: 2 bytes → 3 chars, 1 byte → 2 chars).
    [InlineData("BB8A")]
    // Lower case is not in the §4 alphabet.
    [InlineData("bb8")]
    public void Text_that_no_byte_string_encodes_to_is_refused(string text) =>
        Assert.False(Base45.TryDecode(text, out _));

    [Fact]
    public void Spaces_are_data_not_padding()
    {
        // RFC 9285 §4.3: "Hello!!" encodes with a space inside; trimming or collapsing it corrupts the data.
        Assert.True(Base45.TryDecode("%69 VD92EX0", out var decoded));
        Assert.Equal("Hello!!", Encoding.ASCII.GetString(decoded));
        Assert.False(Base45.TryDecode("%69VD92EX0", out _));
    }
}
