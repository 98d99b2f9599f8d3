using System.Security.Cryptography;
using PassengerGate.Icao.Lds;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// The chip portrait of the passenger at the kiosk, served once on loopback to the local UI for the face
/// check: the token works for one request (the page decodes the image once and keeps it in memory), so no
/// other local process can fetch the portrait after the page has. Only one is held; it is zeroed and dropped
/// when the session ends (APPI: the portrait is needed only for the comparison).
/// </summary>
public sealed class PortraitStore
{
    private readonly Lock _gate = new();
    private (string? Token, FacePortrait Portrait)? _current;

    public string Put(FacePortrait portrait)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            Wipe();
            _current = (token, portrait);
        }

        return token;
    }

    /// <summary>The portrait the token names, once: the token is spent by this call (the bytes stay until <see cref="Clear"/>).</summary>
    public FacePortrait? Take(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            if (_current is not { Token: { } current } c
                || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(current), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                return null;
            }

            _current = (null, c.Portrait);
            return c.Portrait;
        }
    }

    /// <summary>
    /// A new one-time token for the portrait held now, the old token spent: the page lost its copy before it was drawn
    /// (a fetch that failed on a busy kiosk, a screen drawn twice). Null when no portrait is held.
    /// </summary>
    public string? Reissue()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            if (_current is not { } c)
            {
                return null;
            }

            _current = (token, c.Portrait);
        }

        return token;
    }

    public void Clear()
    {
        lock (_gate)
        {
            Wipe();
        }
    }

    private void Wipe()
    {
        if (_current is { } c)
        {
            CryptographicOperations.ZeroMemory(c.Portrait.ImageBytes);
        }

        _current = null;
    }
}
