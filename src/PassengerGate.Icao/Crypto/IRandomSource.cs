namespace PassengerGate.Icao.Crypto;

/// <summary>
/// Where protocol nonces and ephemeral keys come from. Injected so tests can replay the worked
/// examples of Doc 9303-11 with their published RND.IFD, K.IFD and PACE keys.
/// </summary>
public interface IRandomSource
{
    byte[] NextBytes(int count);
}
