using PassengerGate.KioskShell;

// Composition root. Example: dotnet PassengerGate.KioskShell.dll --urls http://127.0.0.1:5301
//   --Kiosk:Id=K01 --Kiosk:Credential=K01.xxxx --Kiosk:ServiceUrl=http://127.0.0.1:5300
var app = KioskHost.Build(args, TimeProvider.System);
await app.RunAsync();
