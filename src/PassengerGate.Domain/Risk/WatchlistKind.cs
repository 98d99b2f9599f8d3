namespace PassengerGate.Domain.Risk;

/// <summary>
/// What list an entry comes from: a national watchlist (a person or a document of interest), or a
/// lost/stolen travel document list (Interpol SLTD-style; anchors.md "EasyPASS" checks INPOL, SIS and SLTD).
/// </summary>
public enum WatchlistKind
{
    Watchlist,
    LostStolen,
}
