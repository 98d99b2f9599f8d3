namespace PassengerGate.Domain.Arrival;

/// <summary>Heated tobacco: counted in packs for the allowance [S1], taxed per stick or capsule [S3].</summary>
public sealed record HeatedTobacco(int Packs, int UnitsPerPack, HeatedTobaccoUnit Unit)
{
    public static HeatedTobacco None { get; } = new(0, 20, HeatedTobaccoUnit.Stick);
}
