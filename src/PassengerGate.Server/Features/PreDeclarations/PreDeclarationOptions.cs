namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>Configuration section "PreDeclarations" (e.g. PASSENGERGATE_PreDeclarations__MaxDaysAhead=3).</summary>
public sealed class PreDeclarationOptions
{
    public const string Section = "PreDeclarations";

    /// <summary>The CWT iss claim.</summary>
    public string Issuer { get; set; } = "PassengerGate";

    /// <summary>
    /// A pre-declaration may be made for an arrival day from today to this many days ahead at the airport; its QR is
    /// valid until the end of that day (decision 0017). 3: Canada's advance declaration is filed up to 72 h ahead
    /// (anchors.md, CBSA PIK PIA annex).
    /// </summary>
    public int MaxDaysAhead { get; set; } = 3;

    /// <summary>
    /// Unused pre-declarations are deleted this long after their QR expired (anchors.md: Canada purges after 72 h;
    /// decision 0017 counts the 72 h from the end of the arrival day, so nothing is purged before the traveller lands).
    /// </summary>
    public TimeSpan UnusedRetention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// The longest a QR can be valid: issued at the first instant of a day for the last day of the window. A signing
    /// key's public half stays published this long after it stops signing. One hour more for a daylight-saving day.
    /// </summary>
    public TimeSpan LongestQrLifetime => TimeSpan.FromDays(MaxDaysAhead + 1) + TimeSpan.FromHours(1);

    /// <summary>
    /// Used pre-declarations are deleted this long after a kiosk took them (decision 0008): the declaration is copied
    /// into the arrival session's facts, which keep it for Retention:ArrivalSessions (30 days by default, decision
    /// 0005), so keeping the pre-declaration longer than that would outlive the session's own purge.
    /// </summary>
    public TimeSpan UsedRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one key signs before its successor takes over.</summary>
    public TimeSpan KeySigningPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A successor key is published this long before it starts signing, so a kiosk that refreshes its
    /// key list at least this often already trusts the new key when the first QR it signed is scanned.
    /// </summary>
    public TimeSpan KeyPublishAhead { get; set; } = TimeSpan.FromDays(2);
}
