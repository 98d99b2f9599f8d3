using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data.Rates;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Server.Features.Declarations;

/// <summary>
/// Runs <see cref="DeclarationValidation"/> with the customs weekly rates of the day at the airport and the configured
/// specimen states, for the phone page (POST /api/predeclarations) and the kiosk (SubmitDeclaration) alike.
/// </summary>
public sealed class DeclarationChecks(RateStore rates, IOptions<DeclarationRulesOptions> options)
{
    /// <summary>The window for a declaration typed at the kiosk: re-dated within a day (decision 0008), refused beyond.</summary>
    public ArrivalDateWindow KioskWindow => new(options.Value.KioskArrivalDays, options.Value.KioskArrivalDays);

    public async Task<IReadOnlyList<DeclarationViolation>> CheckAsync(ArrivalDeclaration declaration, DateOnly today, ArrivalDateWindow? window, CancellationToken ct) =>
        DeclarationValidation.Check(declaration, await rates.LoadRateTableAsync(today, ct), today, window, options.Value.SpecimenStateCodes);

    /// <summary>The rule as the contract names it, for the hub and the HTTP problem details alike.</summary>
    public static DeclarationFieldProblem ToContract(DeclarationRule rule) => rule switch
    {
        DeclarationRule.NationalityNotIcao => DeclarationFieldProblem.NationalityNotIcao,
        DeclarationRule.CurrencyWithoutRate => DeclarationFieldProblem.CurrencyWithoutRate,
        DeclarationRule.BirthDateInFuture => DeclarationFieldProblem.BirthDateInFuture,
        DeclarationRule.ArrivalDateOutOfWindow => DeclarationFieldProblem.ArrivalDateOutOfWindow,
        _ => DeclarationFieldProblem.Invalid,
    };
}
