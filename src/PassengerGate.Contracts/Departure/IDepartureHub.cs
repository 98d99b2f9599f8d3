namespace PassengerGate.Contracts.Departure;

/// <summary>What the departure console may ask of the service (departure staff and supervisors only).</summary>
public interface IDepartureHub
{
    /// <summary>Today's declarations at the caller's airport and the structuring screen over the screening window.</summary>
    Task<DepartureWorklist> GetQueue();

    Task<DeclarationReceipt> SubmitDeskDeclaration(DeskDeclarationRequest request);

    Task<DepartureDeclarationView> RecordCount(RecordCountRequest request);

    Task<DepartureDeclarationView> Decide(DecideDeclarationRequest request);

    /// <summary>Releases cash restrained on a false or missing declaration.</summary>
    Task<DepartureDeclarationView> ReleaseCash(long id);

    /// <summary>The red-lane inspection worklist of the caller's airport: records a red departure check left open.</summary>
    Task<IReadOnlyList<TaxFreeInspectionView>> GetInspections();

    /// <summary>Marks one item of an open inspection present or missing (changeable until the inspection is closed).</summary>
    Task<TaxFreeInspectionView> MarkItem(MarkItemRequest request);

    /// <summary>Closes an inspection whose items are all marked: export confirmed, the record refused, or tax assessed.</summary>
    Task<TaxFreeInspectionView> CloseInspection(CloseInspectionRequest request);

    /// <summary>Records that the assessed consumption tax was paid (once).</summary>
    Task<TaxFreeInspectionView> RecordTaxPayment(RecordTaxPaymentRequest request);
}

/// <summary>What the service pushes to departure consoles of the airport.</summary>
public interface IDepartureClient
{
    Task DeclarationChanged(DepartureDeclarationView declaration);

    /// <summary>An inspection was sent to the airport's worklist, marked, closed or paid.</summary>
    Task InspectionChanged(TaxFreeInspectionView inspection);
}
