using System.Net;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Domain.Time;
using PassengerGate.Hardware.Kiosk;
using PassengerGate.Hardware.Pcsc;
using PassengerGate.Hardware.Readers;
using PassengerGate.Hardware.Serial.Mrz;
using PassengerGate.Hardware.Simulators.Kiosk;
using PassengerGate.Hardware.SmartCards;
using PassengerGate.KioskShell.Chip;
using PassengerGate.KioskShell.Devices;
using PassengerGate.KioskShell.Flows;
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
        // The airport's day (Airport:TimeZone, as on the service): arrival date and age on the form (decision 0017).
        builder.Services.AddSingleton(new AirportClock(clock, builder.Configuration[AirportClock.TimeZoneSetting]));
        // The touch UI, the status page and the service all read enums as camelCase names (decision 0019).
        builder.Services.AddSignalR().AddJsonProtocol(o => ContractJson.Configure(o.PayloadSerializerOptions));
        builder.Services.ConfigureHttpJsonOptions(o => ContractJson.Configure(o.SerializerOptions));
        builder.Services.AddSingleton<ServiceLink>();
        builder.Services.AddSingleton<KioskScreenState>();
        builder.Services.AddSingleton<SessionReconciler>();
        builder.Services.AddSingleton<SessionCalls>();
        builder.Services.AddSingleton<PassportChipReader>();
        builder.Services.AddSingleton<PassengerSteps>();
        builder.Services.AddSingleton<PortraitStore>();
        builder.Services.AddSingleton<UiPresence>();

        // Kiosk:Simulated=true (deploy/run.sh, tests): simulated devices stand in for every device without a real
        // driver, /sim plays them and the run-mode passenger loop may run. A real kiosk (the default) has none of
        // that: a device without a driver is reported missing (DeviceHealth) and what needs it is referred.
        var simulated = builder.Configuration.GetValue<bool>("Kiosk:Simulated");
        var devices = builder.Configuration.GetSection("Kiosk:Devices").Get<DeviceOptions>() ?? new DeviceOptions();
        var missing = new List<string>();
        if (simulated)
        {
            builder.Services.AddSingleton(sp => new SimulatedPassports(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KioskOptions>>().Value.SimulatedCscaFile, sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddSingleton<SimulatedPassportStation>();
        }

        if (!string.IsNullOrWhiteSpace(devices.MrzSerialPort))
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
        else if (simulated)
        {
            builder.Services.AddSingleton<IPassportStation>(sp => sp.GetRequiredService<SimulatedPassportStation>());
        }
        else
        {
            builder.Services.AddSingleton<IPassportStation, MissingPassportStation>();
            missing.Add("passportReader");
        }

        // No real QR scanner or height sensor driver exists yet: a real kiosk runs without them.
        if (simulated)
        {
            builder.Services.AddSingleton<SimulatedQrScanner>();
            builder.Services.AddSingleton<IQrScanner>(sp => sp.GetRequiredService<SimulatedQrScanner>());
            builder.Services.AddSingleton<SimulatedHeightSensor>();
            builder.Services.AddSingleton<IHeightSensor>(sp => sp.GetRequiredService<SimulatedHeightSensor>());
        }
        else
        {
            builder.Services.AddSingleton<IQrScanner, MissingQrScanner>();
            builder.Services.AddSingleton<IHeightSensor, MissingHeightSensor>();
            missing.Add("qrScanner");
            missing.Add("heightSensor");
        }

        if (simulated || !string.IsNullOrWhiteSpace(builder.Configuration["Kiosk:PrinterAddress"]))
        {
            if (simulated)
            {
                builder.Services.AddSingleton<SimulatedPrinterHost>();
            }

            builder.Services.AddSingleton<IReceiptPrinter, EscPosReceiptPrinter>();
        }
        else
        {
            builder.Services.AddSingleton<IReceiptPrinter, MissingReceiptPrinter>();
            missing.Add("printer");
        }

        builder.Services.AddSingleton(new DeviceHealth(missing));

        builder.Services.AddSingleton<PreDeclarationKeys>();
        // The flows the first screen may offer (decision 0019): a departure flow registers its IKioskFlow here.
        builder.Services.AddSingleton<IKioskFlow, ArrivalFlow>();
        builder.Services.AddSingleton<IKioskFlow, CurrencyFlow>();
        builder.Services.AddSingleton<IKioskFlow, TaxFreeFlow>();
        builder.Services.AddSingleton<KioskFlows>();
        builder.Services.AddSingleton<DeclarationAssistant>();
        builder.Services.AddSingleton<DeviceSupervisor>();
        builder.Services.AddSingleton<KioskConversation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KioskConversation>());
        if (simulated)
        {
            builder.Services.AddSingleton<ArrivalKioskWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ArrivalKioskWorker>());
        }

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
        // The portrait is personal data: the token works once (PortraitStore.Take) and no cache may keep a copy.
        app.MapGet("/ui/portrait/{token}", (string token, PortraitStore portraits, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return portraits.Take(token) is { } portrait
                ? Results.Bytes(portrait.ImageBytes.ToArray(), portrait.MediaType)
                : Results.NotFound();
        });
        app.MapGet("/api/screen", (KioskScreenState screen) => screen.Current);
        if (simulated)
        {
            app.MapSimulators();
        }

        return app;
    }
}
