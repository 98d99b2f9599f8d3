using System.Net;
using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.Readers;
using PassengerGate.Hardware.Serial.Mrz;
using PassengerGate.Hardware.SmartCards;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Service;
using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Ui;

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
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<ServiceLink>();
        builder.Services.AddSingleton<KioskScreenState>();
        builder.Services.AddSingleton<SessionReconciler>();
        builder.Services.AddSingleton<SessionCalls>();
        builder.Services.AddSingleton<PassportChipReader>();
        builder.Services.AddSingleton<DeviceHealth>();
        builder.Services.AddSingleton<PortraitStore>();
        builder.Services.AddSingleton<UiPresence>();

        // Simulated devices unless real drivers are configured (Kiosk:Devices); the simulators stay available to /sim.
        builder.Services.AddSingleton<SimulatedPassports>();
        builder.Services.AddSingleton<SimulatedPassportStation>();
        var devices = builder.Configuration.GetSection("Kiosk:Devices").Get<DeviceOptions>() ?? new DeviceOptions();
        if (string.IsNullOrWhiteSpace(devices.MrzSerialPort))
        {
            builder.Services.AddSingleton<IPassportStation>(sp => sp.GetRequiredService<SimulatedPassportStation>());
        }
        else
        {
            builder.Services.AddSingleton<IPassportReader>(_ => new SerialMrzReader(new SerialMrzReaderOptions { PortName = devices.MrzSerialPort, Framing = devices.MrzFraming }));
            if (devices.Pcsc)
            {
                builder.Services.AddSingleton<ISmartCardReaderService, PcscReaderService>();
            }

            builder.Services.AddSingleton(sp => new DriverPassportStation(
                sp.GetRequiredService<IPassportReader>(),
                sp.GetService<ISmartCardReaderService>(),
                sp.GetRequiredService<DeviceHealth>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KioskOptions>>(),
                sp.GetRequiredService<ILogger<DriverPassportStation>>()));
            builder.Services.AddSingleton<IPassportStation>(sp => sp.GetRequiredService<DriverPassportStation>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DriverPassportStation>());
        }

        builder.Services.AddSingleton<SimulatedQrScanner>();
        builder.Services.AddSingleton<IQrScanner>(sp => sp.GetRequiredService<SimulatedQrScanner>());
        builder.Services.AddSingleton<SimulatedHeightSensor>();
        builder.Services.AddSingleton<IHeightSensor>(sp => sp.GetRequiredService<SimulatedHeightSensor>());
        builder.Services.AddSingleton<SimulatedPrinterHost>();
        builder.Services.AddSingleton<IReceiptPrinter, EscPosReceiptPrinter>();

        builder.Services.AddSingleton<PreDeclarationKeys>();
        builder.Services.AddSingleton<KioskConversation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KioskConversation>());
        builder.Services.AddSingleton<ArrivalKioskWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ArrivalKioskWorker>());
        builder.Services.AddHostedService<HeartbeatWorker>();

        var app = builder.Build();

        // The UI, its hub, the portrait and the simulators answer only on loopback: the kiosk's own browser.
        app.Use(async (context, next) =>
        {
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-store",
        });
        app.MapHub<KioskUiHub>(KioskUiHub.Path);
        app.MapGet("/ui/portrait/{token}", (string token, PortraitStore portraits) =>
            portraits.Get(token) is { } portrait
                ? Results.Bytes(portrait.ImageBytes.ToArray(), portrait.MediaType)
                : Results.NotFound());
        app.MapGet("/api/screen", (KioskScreenState screen) => screen.Current);
        app.MapSimulators();
        return app;
    }
}
