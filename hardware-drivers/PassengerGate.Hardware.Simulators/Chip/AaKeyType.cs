namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>The Active Authentication key a simulated chip holds (DG15).</summary>
public enum AaKeyType
{
    None,
    Rsa1024,
    EcdsaP256,
}
