using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.Rates;
using PassengerGate.Data.Risk;
using PassengerGate.Server.Auth;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Features.Health;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.PreDeclarations;
using PassengerGate.Server.Features.Referrals;
using PassengerGate.Server.Hubs;

namespace PassengerGate.Server;

/// <summary>Builds the passenger service. Program.cs and the tests both start it through here.</summary>
public static class PassengerGateServer
{
    public static WebApplication Build(string[] args, TimeProvider clock, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddEnvironmentVariables("PASSENGERGATE_");
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        configure?.Invoke(builder);

        var connectionString = builder.Configuration.GetConnectionString("PassengerGate")
            ?? throw new InvalidOperationException("ConnectionStrings:PassengerGate is not set.");

        var services = builder.Services;
        services.AddSingleton(clock);
        services.AddSingleton(_ => PassengerGateDb.Create(connectionString));
        services.AddSingleton(sp => sp.GetRequiredService<PassengerGateDb>().DataSource);
        services.AddSingleton<KioskStore>();
        services.AddSingleton<ArrivalSessionStore>();
        services.AddSingleton<OpenArrivalSessionHandler>();
        services.AddSingleton<ArrivalSessionRunner>();
        services.AddSingleton<SubmitDocumentHandler>();
        services.AddSingleton<SubmitFaceResultHandler>();
        services.AddSingleton<LivenessChallenges>();
        services.AddSingleton<SubmitDeclarationHandler>();
        services.AddSingleton<AbandonSessionHandler>();
        services.AddSingleton<TrustListProvider>();
        services.AddSingleton<RateStore>();
        services.AddSingleton<RiskDataStore>();
        services.AddSingleton<ArrivalRiskScreening>();
        services.AddSingleton<PreDeclarationReader>();
        services.AddSingleton<DecideCase>();
        services.AddSingleton<CommandKiosk>();
        services.AddSingleton<PersonalDataStore>();
        services.AddSingleton<PurgeExpiredPersonalData>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeExpiredPersonalData>());
        services.AddSingleton<AbandonStaleSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<AbandonStaleSessions>());
        services.Configure<FaceOptions>(builder.Configuration.GetSection("Face"));
        services.AddSingleton<RecordKioskPresence>();
        services.AddSingleton<ReferralNotifier>();
        services.AddSingleton<ListOpenReferrals>();
        builder.Services.AddPreDeclarations();

        services.AddAuthentication(KioskCredentialHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, KioskCredentialHandler>(KioskCredentialHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(KioskCredentialHandler.Policy, p => p.AddAuthenticationSchemes(KioskCredentialHandler.SchemeName).RequireClaim(KioskCredentialHandler.KioskIdClaim));
        services.AddSignalR(o => o.AddFilter<KioskRevocationFilter>());
        services.AddSingleton<KioskRevocationFilter>();

        // The HTTP API's description (pre-declarations, keys, duty notices, health) at /openapi/v1.json.
        services.AddOpenApi();

        var app = builder.Build();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            var outcome = DatabaseMigrator.Migrate(connectionString);
            if (!outcome.Successful)
            {
                throw new InvalidOperationException($"Database migration failed: {outcome.Error}");
            }
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHub<KioskHub>(HubPaths.Kiosk).RequireAuthorization(KioskCredentialHandler.Policy);
        app.MapHub<OfficerHub>(HubPaths.Officer);
        app.MapOpenApi();
        app.MapHealth();
        app.MapDutyNotice();
        app.MapPreDeclarations();
        return app;
    }
}
