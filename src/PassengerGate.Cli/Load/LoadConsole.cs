using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Cli.Load;

/// <summary>
/// One officer console: a signed-in connection to the officer hub that times each referral push from the moment the
/// service raised it (<see cref="ReferralNotice.RaisedAt"/>, the service's clock on this same machine) to this handler.
/// </summary>
public sealed class LoadConsole(HubConnection connection, Latencies latencies, TimeProvider clock)
{
    private long _received;

    public long Received => Interlocked.Read(ref _received);

    public async Task StartAsync(CancellationToken ct)
    {
        connection.On<ReferralNotice>(nameof(IOfficerClient.ReferralRaised), referral =>
        {
            latencies.Record("push ReferralRaised", clock.GetUtcNow() - referral.RaisedAt);
            if (latencies.Recording)
            {
                Interlocked.Increment(ref _received);
            }
        });
        await connection.StartAsync(ct);
    }
}
