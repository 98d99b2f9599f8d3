namespace PassengerGate.Contracts.Officer;

/// <summary>A passenger sent to an officer, with every reason. Carries no image and no biometric data.</summary>
public sealed record ReferralNotice(
    long CaseNumber,
    Guid SessionId,
    string KioskId,
    DateTimeOffset RaisedAt,
    string? DocumentNumber,
    string? Name,
    IReadOnlyList<Reason> Reasons);
