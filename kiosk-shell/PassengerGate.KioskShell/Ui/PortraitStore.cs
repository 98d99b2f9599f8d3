using System.Security.Cryptography;
using PassengerGate.Icao.Lds;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// The chip portrait of the passenger at the kiosk, served once-named on loopback to the local UI for
/// the face check. Only one is held; it is zeroed and dropped when the session ends (APPI: the portrait
/// is needed only for the comparison).
/// </summary>
public sealed class PortraitStore
{
    private readonly Lock _gate = new();
    private (string Token, FacePortrait Portrait)? _current;

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

    public FacePortrait? Get(string token)
    {
        lock (_gate)
        {
            return _current is { } c && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(c.Token), System.Text.Encoding.ASCII.GetBytes(token)) ? c.Portrait : null;
        }
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
