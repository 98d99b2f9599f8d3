namespace PassengerGate.Domain.Arrival;

/// <summary>How a heated-tobacco pack is taxed under the newer simplified table: per stick, or per capsule/cartridge [S3].</summary>
public enum HeatedTobaccoUnit
{
    Stick,
    Capsule,
}
