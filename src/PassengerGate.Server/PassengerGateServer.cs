using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using PassengerGate.Contracts;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Data;
using PassengerGate.Data.Arrival;
using PassengerGate.Data.Audit;
using PassengerGate.Data.Kiosks;
using PassengerGate.Data.Rates;
using PassengerGate.Data.Risk;
using PassengerGate.Data.Staff;
using PassengerGate.Server.Auth;
using PassengerGate.Domain.Time;
using PassengerGate.Server.Features.Arrival;
using PassengerGate.Server.Features.Audit;
using PassengerGate.Server.Features.Cases;
using PassengerGate.Server.Features.Declarations;
using PassengerGate.Server.Features.Health;
using PassengerGate.Server.Features.Observability;
using PassengerGate.Server.Features.Kiosks;
using PassengerGate.Server.Features.PaymentMeans;
using PassengerGate.Server.Features.PreDeclarations;
using PassengerGate.Server.Features.Referrals;
using PassengerGate.Server.Features.Staff;
using PassengerGate.Server.Features.TaxFree;
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
        builder.ConfigureTls();

        var connectionString = builder.Configuration.GetConnectionString("PassengerGate")
            ?? throw new InvalidOperationException("ConnectionStrings:PassengerGate is not set.");

        var services = builder.Services;
        services.AddSingleton(clock);
        services.AddSingleton(sp => new AirportClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IConfiguration>()[AirportClock.TimeZoneSetting]));
        services.AddSingleton(_ => PassengerGateDb.Create(connectionString));
        services.AddSingleton(sp => sp.GetRequiredService<PassengerGateDb>().DataSource);
        services.AddSingleton<PassengerGate.Data.Caching.ReferenceDataCache>(_ => new());
        services.AddHostedService<PassengerGate.Server.Features.ReferenceData.ListenForReferenceChanges>();
        services.AddSingleton<KioskStore>();
        services.AddSingleton<ArrivalSessionStore>();
        services.AddSingleton<ChipChallengeStore>();
        services.AddSingleton<ChipAuthenticationKeyStore>();
        services.AddSingleton<RequestChipAuthenticationHandler>();
        services.AddSingleton<ChipAuthenticityCheck>();
        services.AddSingleton<OpenArrivalSessionHandler>();
        services.AddSingleton<ArrivalSessionRunner>();
        services.AddSingleton<SubmitDocumentHandler>();
        services.AddSingleton<SubmitFaceResultHandler>();
        services.AddSingleton<LivenessChallenges>();
        services.AddSingleton<SubmitDeclarationHandler>();
        services.AddSingleton<SubmitEditedPreDeclarationHandler>();
        services.AddSingleton<AssessDeclarationDraftHandler>();
        services.AddSingleton<ListDeclarationCurrencies>();
        services.AddOptions<DeclarationRulesOptions>().BindConfiguration(DeclarationRulesOptions.Section)
            .Validate(o => o.KioskArrivalDays >= 0, "Declarations:KioskArrivalDays must not be negative.").ValidateOnStart();
        services.AddSingleton<DeclarationChecks>();
        services.AddSingleton<AbandonSessionHandler>();
        services.AddSingleton<TrustListProvider>();
        services.AddSingleton<RateStore>();
        services.AddSingleton<RiskDataStore>();
        services.AddSingleton<ArrivalRiskScreening>();
        services.AddSingleton<PreDeclarationReader>();
        services.AddSingleton<FindPreDeclarationHandler>();
        services.AddSingleton<DecideCase>();
        services.AddSingleton<CommandKiosk>();
        services.AddSingleton<PersonalDataStore>();
        services.AddSingleton<PurgeExpiredPersonalData>();
        services.AddSingleton<PassengerGate.Data.Jobs.JobRunStore>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeExpiredPersonalData>());
        services.AddSingleton<AbandonStaleSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<AbandonStaleSessions>());
        services.Configure<FaceOptions>(builder.Configuration.GetSection("Face"));
        services.AddSingleton<RecordKioskPresence>();
        services.AddSingleton<ReferralNotifier>();
        services.AddSingleton<ListOpenReferrals>();
        services.AddSingleton<StaffStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<LaneDecisionAudit>();
        services.AddSingleton<SignIn>();
        builder.Services.AddPreDeclarations();
        builder.Services.AddCases();
        builder.Services.AddCurrencyDeclarations();
        builder.Services.AddTaxFree();
        builder.AddObservability();

        // Staff cookies are the default scheme (so anti-forgery tokens are bound to the signed-in
        // account); kiosks authenticate only where the kiosk policy names their scheme.
        var authentication = services.AddAuthentication(StaffAuth.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, KioskCredentialHandler>(KioskCredentialHandler.SchemeName, _ => { });
        services.AddStaffAuthentication(authentication, builder.Configuration);
        services.AddSharedKeyRing();
        services.AddAuthorizationBuilder()
            .AddPolicy(KioskCredentialHandler.Policy, p => p.AddAuthenticationSchemes(KioskCredentialHandler.SchemeName).RequireClaim(KioskCredentialHandler.KioskIdClaim));
        // The anti-forgery cookie is half of a form token, not a credential: Secure whenever the request
        // is (always, except plain HTTP on loopback during development, where Always would refuse to work).
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pgate-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        var signInsPerMinute = builder.Configuration.GetValue("Staff:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = SignInRateLimit.OnRejected;
            o.AddPolicy(SignIn.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        var signalR = services.AddSignalR(o =>
        {
            // First, so a call's time includes the credential and session checks.
            o.AddFilter<HubCallMetricsFilter>();
            o.AddFilter<KioskRevocationFilter>();
            o.AddFilter<StaffSessionFilter>();
        }).AddJsonProtocol(o => ContractJson.Configure(o.PayloadSerializerOptions))
            // MessagePack beside JSON: a client chooses (the load generator measures both, docs/performance.md).
            .AddMessagePackProtocol();
        // Several service nodes behind a load balancer: pushes to officer groups and kiosks cross nodes through Redis
        // (decision 0024). One node (the default) needs none.
        if (builder.Configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(builder.Configuration["Redis:ChannelPrefix"] ?? "passengergate"));
        }
        // The HTTP APIs speak the contracts' JSON too: enums as camelCase names (decision 0019).
        services.ConfigureHttpJsonOptions(o => ContractJson.Configure(o.SerializerOptions));
        services.AddSingleton<KioskRevocationFilter>();
        services.AddSingleton<StaffSessionFilter>();

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

        app.UsePlainHttpRefusal();
        app.UseAuthentication();
        app.UseStaffPageGate();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseHubOriginCheck();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHub<KioskHub>(HubPaths.Kiosk).RequireAuthorization(KioskCredentialHandler.Policy);
        // A console's hub connection ends when its sign-in expires (idle timeout) instead of living on.
        app.MapHub<OfficerHub>(HubPaths.Officer, o => o.CloseOnAuthenticationExpiration = true);
        app.MapStaffSignIn();
        app.MapStaffAdministration();
        app.MapAuditSearch();
        app.MapOpenApi();
        app.MapHealth();
        app.MapMetrics();
        app.MapDutyNotice();
        app.MapDetainedGoods();
        app.MapPreDeclarations();
        app.MapCurrencyDeclarations();
        app.MapTaxFree();
        return app;
    }
}
