using Org.BouncyCastle.Asn1.X9;

namespace PassengerGate.Icao.Pace;

/// <summary>Standardized domain parameters for PACE (Doc 9303-11 §9.5.1, BSI TR-03110-3 table 4).</summary>
public static class PaceCurves
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [8] = "secp192r1",
        [9] = "brainpoolP192r1",
        [10] = "secp224r1",
        [11] = "brainpoolP224r1",
        [12] = "secp256r1",
        [13] = "brainpoolP256r1",
        [14] = "brainpoolP320r1",
        [15] = "secp384r1",
        [16] = "brainpoolP384r1",
        [17] = "brainpoolP512r1",
        [18] = "secp521r1",
    };

    public static bool IsSupported(int parameterId) => Names.ContainsKey(parameterId);

    public static X9ECParameters Get(int parameterId) =>
        Names.TryGetValue(parameterId, out var name)
            ? ECNamedCurveTable.GetByName(name)
            : throw new NotSupportedException($"PACE domain parameter {parameterId} is not supported.");
}
