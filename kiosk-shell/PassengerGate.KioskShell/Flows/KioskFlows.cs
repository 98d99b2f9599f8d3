using Microsoft.Extensions.Options;

namespace PassengerGate.KioskShell.Flows;

/// <summary>
/// The flows this kiosk offers: those registered (every <see cref="IKioskFlow"/> in the services) and enabled in
/// Kiosk:Flows, in the order Kiosk:Flows names them. An enabled id with no registered flow is ignored and logged, so a
/// configuration ahead of the software cannot show a button that leads nowhere.
/// </summary>
public sealed class KioskFlows
{
    public KioskFlows(IEnumerable<IKioskFlow> registered, IOptions<KioskOptions> options, ILogger<KioskFlows> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byId = registered.ToDictionary(f => f.Id);
        var enabled = new List<IKioskFlow>();
        foreach (var name in options.Value.FlowNames())
        {
            if (Enum.TryParse<KioskFlowId>(name, ignoreCase: true, out var id) && byId.TryGetValue(id, out var flow))
            {
                if (!enabled.Contains(flow))
                {
                    enabled.Add(flow);
                }
            }
            else
            {
                logger.LogWarning("Kiosk:Flows names {Flow}, which this kiosk does not have; it is not offered", name);
            }
        }

        Enabled = enabled;
    }

    /// <summary>The flows the first screen offers, in order. With one, the first screen starts it directly (no extra tap).</summary>
    public IReadOnlyList<IKioskFlow> Enabled { get; }

    public IKioskFlow? Find(KioskFlowId id) => Enabled.FirstOrDefault(f => f.Id == id);
}
