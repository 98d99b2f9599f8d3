using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.Server.Tests.Contracts;

public class PreDeclarationQrCodecTests : IDisposable
{
    // Arbitrary instants; the 72-hour lifetime is the advance-declaration window of anchors.md (Canada).
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiresAt = IssuedAt.AddHours(72);
    private static readonly Guid Id = Guid.Parse("0b7c6c2e-8f37-4c61-9a8e-1d2f3a4b5c6d");

    private readonly TestSigningKey _key = new(IssuedAt.AddDays(-1), IssuedAt.AddDays(40));

    public void Dispose() => _key.Dispose();

    private static PreDeclarationClaims Claims => new("PassengerGate test", IssuedAt, ExpiresAt, Id, SampleDeclaration.Json);

    private string Encode() => PreDeclarationQrCodec.Encode(Claims, _key.Kid, _key.Key);

    [Fact]
    public void An_encoded_pre_declaration_verifies_and_gives_back_its_claims()
    {
        var qr = Encode();

        var result = PreDeclarationQrCodec.Verify(qr, [_key.Published], IssuedAt.AddHours(1));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("OK", result.Code);
        Assert.Equal(_key.Kid, result.Kid);
        Assert.Equal(Claims, result.Claims);
    }

    [Fact]
    public void The_QR_text_is_the_prefix_then_only_QR_alphanumeric_characters()
    {
        var qr = Encode();

        Assert.StartsWith("PGD1:", qr, StringComparison.Ordinal);
        // ISO/IEC 18004 alphanumeric mode = RFC 9285's alphabet; ':' of the prefix is in it too.
        Assert.All(qr, c => Assert.Contains(c, Base45.Alphabet));
    }

    [Fact]
    public void The_kid_is_in_the_protected_header_and_the_algorithm_is_ES256()
    {
        Assert.True(QrEnvelope.TryUnwrap(Encode()["PGD1:".Length..], out var cose, out _));
        var message = CoseMessage.DecodeSign1(cose);

        // RFC 9052 §3.1: label 4 = kid; RFC 9053 §2.1: -7 = ES256.
        Assert.Equal(Convert.FromBase64String(_key.Kid), message.ProtectedHeaders[CoseHeaderLabel.KeyIdentifier].GetValueAsBytes());
        Assert.Equal(-7, message.ProtectedHeaders[CoseHeaderLabel.Algorithm].GetValueAsInt32());
    }

    [Fact]
    public void A_flipped_Base45_character_is_refused_with_a_code()
    {
        var qr = Encode().ToCharArray();
        var at = qr.Length / 2;
        qr[at] = qr[at] == 'A' ? 'B' : 'A';

        var result = PreDeclarationQrCodec.Verify(new string(qr), [_key.Published], IssuedAt.AddHours(1));

        Assert.False(result.IsValid);
        Assert.Contains(result.Code, new[] { "BAD_BASE45", "BAD_ZLIB", "BAD_COSE", "BAD_SIGNATURE" });
        Assert.Null(result.Claims);
    }

    [Fact]
    public void A_declaration_changed_inside_a_well_formed_envelope_fails_the_signature()
    {
        Assert.True(QrEnvelope.TryUnwrap(Encode()["PGD1:".Length..], out var cose, out _));
        var original = CoseMessage.DecodeSign1(cose);
        var content = original.Content!.Value.ToArray();
        // Change one letter of the address ("Tokyo" → "Kokyo"): the signed bytes change, the CBOR and COSE structure does not.
        var needle = Encoding.UTF8.GetBytes("Tokyo");
        var index = content.AsSpan().IndexOf(needle);
        Assert.True(index > 0);
        content[index] = (byte)'K';
        var tampered = ReplaceLastByteString(cose, original.Content!.Value.ToArray(), content);

        var result = PreDeclarationQrCodec.Verify("PGD1:" + QrEnvelope.Wrap(tampered), [_key.Published], IssuedAt.AddHours(1));

        Assert.Equal("BAD_SIGNATURE", result.Code);
    }

    [Fact]
    public void A_kid_that_is_not_trusted_is_refused()
    {
        using var other = new TestSigningKey(IssuedAt.AddDays(-1), IssuedAt.AddDays(40));

        var result = PreDeclarationQrCodec.Verify(Encode(), [other.Published], IssuedAt.AddHours(1));

        Assert.Equal("UNKNOWN_KEY", result.Code);
        Assert.Equal(_key.Kid, result.Kid);
    }

    [Fact]
    public void A_trusted_kid_with_another_public_key_fails_the_signature()
    {
        using var other = new TestSigningKey(IssuedAt.AddDays(-1), IssuedAt.AddDays(40));
        var impostor = other.Published with { Kid = _key.Kid };

        Assert.Equal("BAD_SIGNATURE", PreDeclarationQrCodec.Verify(Encode(), [impostor], IssuedAt.AddHours(1)).Code);
    }

    [Fact]
    public void A_key_past_its_not_after_no_longer_verifies()
    {
        var retired = _key.Published with { NotAfter = IssuedAt.AddHours(2) };

        Assert.True(PreDeclarationQrCodec.Verify(Encode(), [retired], IssuedAt.AddHours(1)).IsValid);
        Assert.Equal("UNKNOWN_KEY", PreDeclarationQrCodec.Verify(Encode(), [retired], IssuedAt.AddHours(3)).Code);
    }

    [Fact]
    public void A_pre_declaration_past_its_expiry_is_refused_as_expired()
    {
        var result = PreDeclarationQrCodec.Verify(Encode(), [_key.Published], ExpiresAt.AddHours(1));

        Assert.Equal("EXPIRED", result.Code);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void A_pre_declaration_issued_later_than_the_kiosk_clock_is_not_yet_valid()
    {
        var result = PreDeclarationQrCodec.Verify(Encode(), [_key.Published], IssuedAt.AddHours(-1));

        Assert.Equal("NOT_YET_VALID", result.Code);
    }

    [Fact]
    public void A_few_minutes_of_clock_difference_are_tolerated()
    {
        Assert.True(PreDeclarationQrCodec.Verify(Encode(), [_key.Published], IssuedAt.AddMinutes(-2)).IsValid);
    }

    [Theory]
    [InlineData("HC1:NCFOXN%TS3DHMRG2")]
    [InlineData("pgd1:ABC")]
    [InlineData("")]
    public void Text_without_the_prefix_is_refused(string text) =>
        Assert.Equal("BAD_PREFIX", PreDeclarationQrCodec.Verify(text, [_key.Published], IssuedAt).Code);

    [Fact]
    public void Characters_outside_Base45_are_refused() =>
        Assert.Equal("BAD_BASE45", PreDeclarationQrCodec.Verify("PGD1:abc", [_key.Published], IssuedAt).Code);

    [Fact]
    public void Base45_that_is_not_zlib_is_refused() =>
        // RFC 9285 §4.3: "BB8" is "AB", which is no zlib header (RFC 1950 §2.2: CMF*256+FLG must be a multiple of 31).
        Assert.Equal("BAD_ZLIB", PreDeclarationQrCodec.Verify("PGD1:BB8", [_key.Published], IssuedAt).Code);

    [Fact]
    public void Zlib_that_is_not_COSE_is_refused() =>
        Assert.Equal("BAD_COSE", PreDeclarationQrCodec.Verify("PGD1:" + QrEnvelope.Wrap("not cose"u8), [_key.Published], IssuedAt).Code);

    [Fact]
    public void A_COSE_message_with_detached_content_is_refused()
    {
        // RFC 9052 §4.1: a nil payload means the content is carried elsewhere; a QR must carry what it signs.
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, CoseHeaderValue.FromBytes(Convert.FromBase64String(_key.Kid)) } };
        var cose = CoseSign1Message.SignDetached("claims"u8.ToArray(), new CoseSigner(_key.Key, HashAlgorithmName.SHA256, headers));

        Assert.Equal("BAD_COSE", PreDeclarationQrCodec.Verify("PGD1:" + QrEnvelope.Wrap(cose), [_key.Published], IssuedAt).Code);
    }

    [Fact]
    public void A_payload_version_this_reader_does_not_know_is_refused()
    {
        // The claim layout of docs/decisions/0002-signed-predeclaration-qr.md, written by hand with version 2.
        var qr = SignRawClaims(w =>
        {
            w.WriteInt32(1);
            w.WriteInt32(2);
            w.WriteInt32(2);
            w.WriteByteString(Id.ToByteArray(bigEndian: true));
            w.WriteInt32(3);
            w.WriteByteString(Encoding.UTF8.GetBytes(SampleDeclaration.Json));
        });

        Assert.Equal("UNSUPPORTED_VERSION", PreDeclarationQrCodec.Verify(qr, [_key.Published], IssuedAt.AddHours(1)).Code);
    }

    [Fact]
    public void A_declaration_that_is_not_a_JSON_object_is_refused()
    {
        var qr = SignRawClaims(w =>
        {
            w.WriteInt32(1);
            w.WriteInt32(1);
            w.WriteInt32(2);
            w.WriteByteString(Id.ToByteArray(bigEndian: true));
            w.WriteInt32(3);
            w.WriteByteString("[1,2"u8);
        });

        Assert.Equal("BAD_DECLARATION", PreDeclarationQrCodec.Verify(qr, [_key.Published], IssuedAt.AddHours(1)).Code);
    }

    [Fact]
    public void A_currency_pre_declaration_keeps_its_kind_and_an_arrival_one_carries_none()
    {
        var currency = Claims with { DeclarationJson = "{\"schemaVersion\":1,\"direction\":\"departure\"}", Kind = PreDeclarationKind.Currency };
        var qr = PreDeclarationQrCodec.Encode(currency, _key.Kid, _key.Key);

        var result = PreDeclarationQrCodec.Verify(qr, [_key.Published], IssuedAt.AddHours(1));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(PreDeclarationKind.Currency, result.Claims!.Kind);
        Assert.Equal(currency, result.Claims);
        // Decision 0026: key 4 of the pre-declaration map is the kind, written only for a kind other than arrival, so
        // arrival codes keep the claim layout of decision 0002 (three entries) byte for byte.
        Assert.Equal(3, PreDeclarationMapEntries(Encode()));
        Assert.Equal(4, PreDeclarationMapEntries(qr));
    }

    [Fact]
    public void A_kind_this_reader_does_not_know_is_refused()
    {
        var qr = SignRawClaims(
            w =>
            {
                w.WriteInt32(1);
                w.WriteInt32(1);
                w.WriteInt32(2);
                w.WriteByteString(Id.ToByteArray(bigEndian: true));
                w.WriteInt32(3);
                w.WriteByteString(Encoding.UTF8.GetBytes(SampleDeclaration.Json));
                w.WriteInt32(4);
                w.WriteInt32(7);
            },
            entries: 4);

        Assert.Equal("UNSUPPORTED_VERSION", PreDeclarationQrCodec.Verify(qr, [_key.Published], IssuedAt.AddHours(1)).Code);
    }

    /// <summary>The number of entries of the private pre-declaration claim (-65537) in a QR's signed CBOR.</summary>
    private static int PreDeclarationMapEntries(string qr)
    {
        Assert.True(QrEnvelope.TryUnwrap(qr["PGD1:".Length..], out var cose, out _));
        var r = new CborReader(CoseMessage.DecodeSign1(cose).Content!.Value);
        var claims = r.ReadStartMap();
        for (var i = 0; i < claims; i++)
        {
            if (r.ReadInt64() == -65537)
            {
                return r.ReadStartMap()!.Value;
            }

            r.SkipValue();
        }

        throw new InvalidOperationException("no pre-declaration claim");
    }

    [Fact]
    public void A_published_key_list_survives_its_JSON_form()
    {
        var list = new PublishedKeyList([_key.Published]);

        var back = PublishedKeyList.Parse(list.ToJson());

        Assert.NotNull(back);
        var key = Assert.Single(back.Keys);
        Assert.Equal(_key.Published.SubjectPublicKeyInfo, key.SubjectPublicKeyInfo);
        Assert.Equal(_key.Kid, key.Kid);
        Assert.True(PreDeclarationQrCodec.Verify(Encode(), back.Keys, IssuedAt.AddHours(1)).IsValid);
        Assert.Null(PublishedKeyList.Parse("{\"keys\":[{\"kid\":null}]}"));
        Assert.Null(PublishedKeyList.Parse("not json"));
    }

    private string SignRawClaims(Action<CborWriter> writePreDeclarationEntries, int entries = 3)
    {
        var w = new CborWriter();
        w.WriteStartMap(4);
        w.WriteInt32(1);
        w.WriteTextString("hand-made");
        w.WriteInt32(4);
        w.WriteInt64(ExpiresAt.ToUnixTimeSeconds());
        w.WriteInt32(6);
        w.WriteInt64(IssuedAt.ToUnixTimeSeconds());
        w.WriteInt32(-65537);
        w.WriteStartMap(entries);
        writePreDeclarationEntries(w);
        w.WriteEndMap();
        w.WriteEndMap();
        var headers = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, CoseHeaderValue.FromBytes(Convert.FromBase64String(_key.Kid)) } };
        var cose = CoseSign1Message.SignEmbedded(w.Encode(), new CoseSigner(_key.Key, HashAlgorithmName.SHA256, headers));
        return "PGD1:" + QrEnvelope.Wrap(cose);
    }

    private static byte[] ReplaceLastByteString(byte[] cose, byte[] oldContent, byte[] newContent)
    {
        var index = cose.AsSpan().IndexOf(oldContent);
        Assert.True(index > 0);
        var copy = (byte[])cose.Clone();
        newContent.CopyTo(copy, index);
        return copy;
    }
}
