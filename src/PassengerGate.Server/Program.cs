using PassengerGate.Server;
using PassengerGate.Server.Features.TaxFree;

// A shop's webhook endpoint stand-in for the run mode (docs/taxfree-webhooks.md), from the same build.
if (args is ["webhook-receiver", .. var receiverArgs])
{
    return await WebhookReceiverStandIn.RunAsync(receiverArgs);
}

// Composition root: configuration from appsettings, environment (PASSENGERGATE_...) and arguments.
var app = PassengerGateServer.Build(args, TimeProvider.System);
await app.RunAsync();
return 0;
