namespace PassengerGate.KioskShell.Devices;

/// <summary>A printer on simulated hardware: keeps the slips it "printed" so tests and operators can read them.</summary>
public sealed class SimulatedReceiptPrinter(ILogger<SimulatedReceiptPrinter> logger) : IReceiptPrinter
{
    private readonly Lock _gate = new();
    private readonly List<ReceiptSlip> _printed = [];

    public IReadOnlyList<ReceiptSlip> Printed
    {
        get
        {
            lock (_gate)
            {
                return [.. _printed];
            }
        }
    }

    public Task PrintAsync(ReceiptSlip slip, CancellationToken ct)
    {
        lock (_gate)
        {
            _printed.Add(slip);
        }

        logger.LogInformation("Slip printed for session {SessionId}: {Lane} {Case}", slip.SessionId, slip.Lane, slip.CaseNumber);
        return Task.CompletedTask;
    }
}
