namespace PassengerGate.Domain.Arrival;

/// <summary>Accompanying family as counted on C5360: bands 20+, 6–19, under 6 (domain-japan.md §1.2 [S4][S5]).</summary>
public sealed record FamilyBands(int Aged20OrOver, int Aged6To19, int Under6);
