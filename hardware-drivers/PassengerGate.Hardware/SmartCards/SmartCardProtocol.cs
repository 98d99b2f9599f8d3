namespace PassengerGate.Hardware.SmartCards;

/// <summary>ISO 7816-3 transmission protocols, valued as the PC/SC SCARD_PROTOCOL_* bits.</summary>
public enum SmartCardProtocol
{
    Unknown = 0,
    T0 = 1,
    T1 = 2,
}
