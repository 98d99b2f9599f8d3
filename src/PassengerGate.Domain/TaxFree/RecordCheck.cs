namespace PassengerGate.Domain.TaxFree;

/// <summary>One record as seen at a departure check.</summary>
public sealed record RecordCheck(
    PurchaseRecord Record,
    TaxFreeRegime Regime,
    DateOnly PurchaseDay,
    DateOnly? LastConfirmableDay,
    RecordStatus Status,
    IReadOnlyList<TaxFreeReason> Reasons);
