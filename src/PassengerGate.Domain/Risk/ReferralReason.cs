namespace PassengerGate.Domain.Risk;

/// <summary>
/// Why a traveller goes to an officer: a stable <see cref="Code"/> (see <see cref="ReferralCodes"/>)
/// and a sentence an officer and the passenger can read; <see cref="Path"/> points into the
/// declaration when the reason concerns one field or goods line.
/// </summary>
public sealed record ReferralReason(string Code, string Text, string? Path = null);
