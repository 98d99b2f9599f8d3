using System.Text.Json;
using System.Text.RegularExpressions;

namespace PassengerGate.Cli.Load;

/// <summary>
/// Signs a staff member in through the service's own sign-in form (anti-forgery token and all) and returns the
/// cookies as a Cookie header, kept by hand because the staff cookie is __Host- and Secure.
/// </summary>
public static partial class LoadSignIn
{
    public static async Task<string> SignInAsync(HttpClient http, string userName, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var antiforgery = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/staff/antiforgery"), cookies, ct);
        antiforgery.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await antiforgery.Content.ReadAsStringAsync(ct));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/staff/",
            [token.RootElement.GetProperty("fieldName").GetString()!] = token.RootElement.GetProperty("token").GetString()!,
        });
        using var signIn = await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "/api/staff/sign-in") { Content = form }, cookies, ct);
        if (!cookies.ContainsKey("__Host-pgate-staff"))
        {
            throw new InvalidOperationException($"the sign-in of '{userName}' was refused ({(int)signIn.StatusCode})");
        }

        return Header(cookies);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, Dictionary<string, string> cookies, CancellationToken ct)
    {
        using (request)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", Header(cookies));
            }

            var response = await http.SendAsync(request, ct);
            foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                if (CookiePair().Match(setCookie) is { Success: true } match && match.Groups[2].Value.Length > 0)
                {
                    cookies[match.Groups[1].Value] = match.Groups[2].Value;
                }
            }

            return response;
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("^([^=;\\s]+)=([^;]*)")]
    private static partial Regex CookiePair();
}
