namespace PassengerGate.Server.Features.PreDeclarations;

/// <summary>Configuration section "PreDeclarations" (e.g. PASSENGERGATE_PreDeclarations__QrLifetime=3.00:00:00).</summary>
public sealed class PreDeclarationOptions
{
    public const string Section = "PreDeclarations";

    /// <summary>The CWT iss claim.</summary>
    public string Issuer { get; set; } = "PassengerGate";

    /// <summary>
    /// How long a QR stays valid after issue. 72 hours: Canada's advance declaration is filed up to
    /// 72 h ahead and purged after 72 h (anchors.md, CBSA PIK PIA annex).
    /// </summary>
    public TimeSpan QrLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Unused pre-declarations are deleted this long after issue (anchors.md: purged after 72 h).</summary>
    public TimeSpan UnusedRetention { get; set; } = TimeSpan.FromHours(72);

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
