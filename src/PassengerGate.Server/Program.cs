using PassengerGate.Server;

// Composition root: configuration from appsettings, environment (PASSENGERGATE_...) and arguments.
var app = PassengerGateServer.Build(args, TimeProvider.System);
await app.RunAsync();
