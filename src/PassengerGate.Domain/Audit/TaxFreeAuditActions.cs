namespace PassengerGate.Domain.Audit;

/// <summary>Audit actions of the red-lane tax-free inspection on the departure console (decision 0021).</summary>
public static class TaxFreeAuditActions
{
    public const string ItemMarked = "taxfree.item_marked";
    public const string InspectionClosed = "taxfree.inspection_closed";
    public const string AssessmentIssued = "taxfree.assessment_issued";
    public const string TaxPaid = "taxfree.tax_paid";
    public const string NoticePrinted = "taxfree.notice_printed";
}
