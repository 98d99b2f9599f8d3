using System.Net;
using System.Text.RegularExpressions;

namespace PassengerGate.TestSupport;

/// <summary>
/// A staff member signed in through the real sign-in form (anti-forgery token and all). Cookies are
/// kept by hand and sent as a header, because the staff cookie is Secure and most tests talk plain
/// HTTP on loopback, where a cookie container would hold it back.
/// </summary>
public sealed partial class StaffSession
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public string? StaffCookie => _cookies.GetValueOrDefault("__Host-pgate-staff");

    /// <summary>Signs in; the answer is the sign-in's redirect and the session (signed in or not).</summary>
    public static async Task<(HttpResponseMessage Response, StaffSession Session)> SignInAsync(HttpClient http, string userName, string password, string returnUrl = "/staff/")
    {
        ArgumentNullException.ThrowIfNull(http);
        var session = new StaffSession();
        var token = await session.AntiforgeryAsync(http);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            [token.FieldName] = token.Token,
        });
        var response = await session.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "/api/staff/sign-in") { Content = form });
        return (response, session);
    }

    public async Task<(string FieldName, string Token)> AntiforgeryAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/staff/antiforgery"));
        response.EnsureSuccessStatusCode();
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("fieldName").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>A form post with a fresh anti-forgery token, as the staff pages send it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, IDictionary<string, string>? fields = null)
    {
        var token = await AntiforgeryAsync(http);
        var all = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { [token.FieldName] = token.Token };
        return await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) });
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var match = CookiePair().Match(setCookie);
                if (!match.Success)
                {
                    continue;
                }

                if (match.Groups[2].Value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(match.Groups[1].Value);
                }
                else
                {
                    _cookies[match.Groups[1].Value] = match.Groups[2].Value;
                }
            }
        }

        return response;
    }

    /// <summary>An HttpClient that does not follow redirects and keeps no cookies of its own.</summary>
    public static HttpClient Client(Uri baseAddress, TestCertificate? certificate)
    {
        var handler = certificate?.Handler() ?? new HttpClientHandler();
        handler.UseCookies = false;
        handler.AllowAutoRedirect = false;
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.OriginalString == path;

    [GeneratedRegex("^([^=;]+)=([^;]*)")]
    private static partial Regex CookiePair();
}
