namespace PassengerGate.Domain.TaxFree;

/// <summary>Why the rules send a traveller to the red lane. Staff only: the traveller is told "show the goods".</summary>
public enum TaxFreeLaneReason
{
    RandomSelection,
    HighValueItem,
    IdentifyingDetailsItem,
    ManyRecordsPerStay,
    HighTotalPerStay,
    EarlierIrregularity,

    /// <summary>The check could not be completed; fail safe (DOMAIN.md §5 rule 7).</summary>
    CheckFailed,
}
