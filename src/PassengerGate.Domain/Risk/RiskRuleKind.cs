namespace PassengerGate.Domain.Risk;

/// <summary>
/// The closed set of conditions a risk rule can state. Rules are data (an operator edits JSON); what a kind
/// means is code, reviewed and tested, so no rule can reach beyond the fields of <see cref="RiskContext"/>.
/// </summary>
public enum RiskRuleKind
{
    /// <summary>The traveller declared nothing and arrives on one of the listed flights or from one of the listed embarkation points.</summary>
    DeclaredNothingOnFlaggedRoute,

    /// <summary>The traveller's nationality is one of the listed ones and the flight one of the listed flights.</summary>
    NationalityOnFlight,

    /// <summary>The traveller's document is not on the APIS manifest of the flight they declared.</summary>
    NoApisRecord,

    /// <summary>The document is on a watchlist.</summary>
    DocumentOnWatchlist,

    /// <summary>The name and date of birth are on a watchlist.</summary>
    NameOnWatchlist,

    /// <summary>The document is on a lost/stolen document list.</summary>
    DocumentLostOrStolen,
}
