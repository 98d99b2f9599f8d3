using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// What the screen shows of a currency declaration once the service has answered: its number, whether the rules required
/// it, the total in the reporting currency and the next step, or the problem (a code the page words) when none was stored.
/// The service's English problem text stays in the kiosk's log.
/// </summary>
public sealed record CurrencyOutcome(
    string? Number,
    bool Required,
    decimal? Total,
    string? ReportingCurrency,
    CurrencyNextStep? Next,
    CurrencyDeclarationProblem? Problem)
{
    public static CurrencyOutcome From(CurrencyDeclarationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(answer.DeclarationNumber, answer.DeclarationRequired, answer.TotalInReportingCurrency, answer.ReportingCurrency, answer.Next, answer.Problem);
    }
}
