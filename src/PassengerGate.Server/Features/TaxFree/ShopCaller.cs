using PassengerGate.Data.TaxFree;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>
/// Who is calling the shop API: the shop whose API key is in <c>Authorization: Bearer</c>, or nobody. Staff cookies
/// and kiosk credentials are not shop keys: the shop API answers them 401 like anyone else without a key.
/// </summary>
public sealed class ShopCaller(TaxFreeStore store)
{
    public async Task<string?> ShopIdAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return null;
        }

        var key = header[Bearer.Length..].Trim();
        if (!key.StartsWith(ShopApiKey.Prefix, StringComparison.Ordinal) || key.Length > 100)
        {
            return null;
        }

        return await store.ShopForKeyAsync(ShopApiKey.Hash(key), ct);
    }

    public static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A shop API key is required.", detail: "Send Authorization: Bearer followed by the key `pgate shop add` printed.");
}
