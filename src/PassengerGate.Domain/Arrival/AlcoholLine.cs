namespace PassengerGate.Domain.Arrival;

/// <summary>Bottles of one kind and one size.</summary>
public sealed record AlcoholLine(AlcoholKind Kind, int Bottles, int VolumeMlPerBottle);
