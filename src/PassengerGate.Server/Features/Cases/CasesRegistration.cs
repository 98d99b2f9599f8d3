using PassengerGate.Data.Cases;

namespace PassengerGate.Server.Features.Cases;

public static class CasesRegistration
{
    /// <summary>The officer console's case handling and the supervisor dashboard.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddSingleton<CaseStore>()
        .AddSingleton<CaseAccess>()
        .AddSingleton<CaseAssessment>()
        .AddSingleton<ListQueuePage>()
        .AddSingleton<ClaimCase>()
        .AddSingleton<ShowCase>()
        .AddSingleton<AssessLine>()
        .AddSingleton<RecordPayment>()
        .AddSingleton<DetainedGoodsStore>()
        .AddSingleton<ShowDashboard>();
}
