using PassengerGate.Contracts;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>Currency declarations, the departure console, the FIU export and their purge (decision 0022).</summary>
public static class CurrencyRegistration
{
    public static IServiceCollection AddCurrencyDeclarations(this IServiceCollection services)
    {
        services.AddOptions<CurrencyOptions>().BindConfiguration(CurrencyOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero && o.KeptRetention >= o.Retention && o.PurgeInterval > TimeSpan.Zero && o.ScreeningDays > 0,
                "Currency: Retention > 0, KeptRetention >= Retention, PurgeInterval > 0, ScreeningDays > 0.")
            .ValidateOnStart();
        return services
            .AddSingleton<CurrencyDeclarationStore>()
            .AddSingleton<RecordCurrencyDeclaration>()
            .AddSingleton<ScreenStructuring>()
            .AddSingleton<ListDepartureWorklist>()
            .AddSingleton<SubmitDeskDeclaration>()
            .AddSingleton<KioskBearerStore>()
            .AddSingleton<SubmitKioskCurrencyDeclaration>()
            .AddSingleton<UseCurrencyPreDeclaration>()
            .AddSingleton<AssessKioskCurrencyDraft>()
            .AddSingleton<DeclarationAccess>()
            .AddSingleton<RecordCount>()
            .AddSingleton<DecideDeclaration>()
            .AddSingleton<ReleaseCash>()
            .AddSingleton<PurgeCurrencyDeclarations>()
            .AddHostedService(sp => sp.GetRequiredService<PurgeCurrencyDeclarations>());
    }

    public static WebApplication MapCurrencyDeclarations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A console's hub connection ends when its sign-in expires (idle timeout), as the officer hub's does.
        app.MapHub<DepartureHub>(HubPaths.Departure, o => o.CloseOnAuthenticationExpiration = true);
        app.MapFiuExport();
        app.MapCurrencyDocuments();
        return app;
    }
}
