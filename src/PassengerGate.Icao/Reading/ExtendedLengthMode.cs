namespace PassengerGate.Icao.Reading;

/// <summary>Whether READ BINARY may ask for more than 256 bytes at a time.</summary>
public enum ExtendedLengthMode
{
    /// <summary>Use extended length when the ATR's card capabilities announce it.</summary>
    Auto,
    Never,
    Always,
}
