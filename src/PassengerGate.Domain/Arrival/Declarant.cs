namespace PassengerGate.Domain.Arrival;

/// <summary>Who made the declaration: the traveller, or a guardian for a child (then named).</summary>
public sealed record Declarant(DeclarantRole Role, string? GuardianName = null);
