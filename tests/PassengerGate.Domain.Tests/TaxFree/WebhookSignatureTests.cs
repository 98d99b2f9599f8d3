using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Domain.Tests.TaxFree;

/// <summary>
/// The webhook signature scheme (docs/taxfree-webhooks.md). The expected HMAC was computed independently with OpenSSL
/// 3.0.19 on 2026-12-01:
/// <code>
/// printf '%s' '1764547200.{"eventId":"0b9a3c1e-5f2d-4c6a-9e8b-7d1f2a3b4c5d","recordId":"R-1"}' \
///   | openssl dgst -sha256 -hmac '5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b5aa765d61d8327deb882cf99'
/// SHA2-256(stdin)= 3550f73ca0b58383eb9899d4cd5b2420416b74df733c42d44fcfdbcb54217a86
/// </code>
/// </summary>
public class WebhookSignatureTests
{
    private const string Secret = "5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b5aa765d61d8327deb882cf99";
    private const string Body = """{"eventId":"0b9a3c1e-5f2d-4c6a-9e8b-7d1f2a3b4c5d","recordId":"R-1"}""";
    private const long Timestamp = 1764547200;
    private const string OpenSslSignature = "sha256=3550f73ca0b58383eb9899d4cd5b2420416b74df733c42d44fcfdbcb54217a86";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(Timestamp).AddSeconds(30);

    [Fact]
    public void The_signature_is_the_HMAC_SHA256_of_timestamp_dot_body_that_openssl_computes()
    {
        Assert.Equal(OpenSslSignature, WebhookSignature.Sign(Secret, Timestamp, Body));
    }

    [Fact]
    public void The_receiver_accepts_the_openssl_signature_within_tolerance()
    {
        Assert.Equal(WebhookVerification.Valid, WebhookSignature.Verify(Secret, "1764547200", OpenSslSignature, Body, At, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData("1764547200", "sha256=3550f73ca0b58383eb9899d4cd5b2420416b74df733c42d44fcfdbcb54217a87", Body)]
    [InlineData("1764547201", OpenSslSignature, Body)]
    [InlineData("1764547200", OpenSslSignature, """{"eventId":"0b9a3c1e-5f2d-4c6a-9e8b-7d1f2a3b4c5d","recordId":"R-2"}""")]
    [InlineData("1764547200", "3550f73ca0b58383eb9899d4cd5b2420416b74df733c42d44fcfdbcb54217a86", Body)]
    public void A_changed_signature_timestamp_or_body_is_a_mismatch(string timestamp, string signature, string body)
    {
        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSignature.Verify(Secret, timestamp, signature, body, At, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Another_secret_is_a_mismatch()
    {
        var other = "0" + Secret[1..];

        Assert.Equal(WebhookVerification.SignatureMismatch, WebhookSignature.Verify(other, "1764547200", OpenSslSignature, Body, At, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void A_correctly_signed_but_old_delivery_is_refused_as_a_replay()
    {
        var sixMinutesLater = DateTimeOffset.FromUnixTimeSeconds(Timestamp).AddMinutes(6);

        Assert.Equal(WebhookVerification.TimestampOutsideTolerance, WebhookSignature.Verify(Secret, "1764547200", OpenSslSignature, Body, sixMinutesLater, WebhookSignature.DefaultTolerance));
        Assert.Equal(WebhookVerification.TimestampMissing, WebhookSignature.Verify(Secret, null, OpenSslSignature, Body, At, WebhookSignature.DefaultTolerance));
    }
}

/// <summary>Exponential backoff with equal jitter, capped (AWS Architecture Blog, "Exponential Backoff And Jitter").</summary>
public class WebhookBackoffTests
{
    private static readonly WebhookBackoff Backoff = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(6, 300)]
    [InlineData(40, 300)]
    public void The_delay_doubles_per_failure_up_to_the_cap_and_jitter_spreads_it_over_its_upper_half(int failures, double fullSeconds)
    {
        Assert.Equal(fullSeconds / 2, Backoff.DelayAfter(failures, 0.0).TotalSeconds, 6);
        Assert.Equal(fullSeconds * 0.75, Backoff.DelayAfter(failures, 0.5).TotalSeconds, 6);
        Assert.True(Backoff.DelayAfter(failures, 0.999999).TotalSeconds < fullSeconds);
    }
}
