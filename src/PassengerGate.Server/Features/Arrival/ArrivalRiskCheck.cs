using PassengerGate.Domain.Arrival;
using PassengerGate.Domain.Sessions;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>Risk rules, watchlists and random selection for one arrival session. Sees no image or biometric data.</summary>
public sealed class ArrivalRiskCheck
{
    public sealed record Screening(IReadOnlyList<string> Hits, bool RandomlySelected, object Facts);

    public Task<Screening> EvaluateAsync(ArrivalSession session, ArrivalDeclaration declaration, ArrivalAssessment assessment, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(new Screening([], false, new { rules = "none loaded" }));
}
