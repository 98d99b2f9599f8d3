namespace PassengerGate.Icao.Reading;

/// <summary>Which access control opened the chip.</summary>
public enum AccessProtocol
{
    Bac,
    Pace,
}
