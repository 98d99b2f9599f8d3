using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>Configuration section "Currency" (decision 0022).</summary>
public sealed class CurrencyOptions
{
    public const string Section = "Currency";

    /// <summary>Declarations nothing requires kept (under the threshold, verified, no suspicion) are deleted after this.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// What FATF R.32 INR para. 6 asks kept (over the threshold, false declarations, suspicions) is deleted after
    /// this. Five years is FATF Recommendation 11's record-keeping period; the operator sets the national one.
    /// </summary>
    public TimeSpan KeptRetention { get; set; } = TimeSpan.FromDays(5 * 365);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many days back the departure console's structuring screen looks (the repeat window).</summary>
    public int ScreeningDays { get; set; } = 30;

    public StructuringOptions Structuring { get; set; } = new();

    /// <summary>
    /// The rule pack a kiosk declaration is assessed under, whatever the kiosk's JSON says: the law of the border the
    /// kiosk stands at, not the traveller's choice (Japan, FEFTA art. 19(3), by default; decision 0022).
    /// </summary>
    public Jurisdiction KioskJurisdiction { get; set; } = Jurisdiction.JP;
}
