using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Sessions;

namespace PassengerGate.KioskShell;

/// <summary>Builds the kiosk process: devices, the link to the service, the workers and the local UI.</summary>
public static class KioskHost
{
    public static WebApplication Build(string[] args, TimeProvider clock, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "KioskUi"),
        });
        builder.Configuration.AddEnvironmentVariables("PASSENGERGATE_");
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);

        builder.Services.Configure<KioskOptions>(builder.Configuration.GetSection("Kiosk"));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ServiceLink>();
        builder.Services.AddSingleton<KioskScreenState>();
        builder.Services.AddSingleton<ArrivalKioskWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ArrivalKioskWorker>());
        builder.Services.AddHostedService<HeartbeatWorker>();

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // The touch UI polls this; it is bound to loopback only (see README).
        app.MapGet("/api/screen", (KioskScreenState screen) => screen.Current);
        return app;
    }
}
