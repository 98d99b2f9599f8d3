namespace PassengerGate.Icao.ActiveAuthentication;

/// <summary>
/// One INTERNAL AUTHENTICATE as the terminal ran it: the challenge it sent, the chip's signature (null when the chip
/// refused or no AA key was found) and the terminal's local check of it.
/// </summary>
public sealed record ActiveAuthenticationExchange(ActiveAuthenticationOutcome Outcome, byte[] Challenge, byte[]? Signature)
{
    public static ActiveAuthenticationExchange NotPerformed { get; } = new(ActiveAuthenticationOutcome.NotSupported, [], null);
}
