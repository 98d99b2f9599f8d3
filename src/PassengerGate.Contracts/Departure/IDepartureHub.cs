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
}

/// <summary>What the service pushes to departure consoles of the airport.</summary>
public interface IDepartureClient
{
    Task DeclarationChanged(DepartureDeclarationView declaration);
}
