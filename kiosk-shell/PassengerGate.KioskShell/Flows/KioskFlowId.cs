using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.KioskShell.Flows;

/// <summary>
/// The flows a kiosk can run, chosen on its first screen. On the touch UI's hub: camelCase names ("arrival").
/// Departure flows (currency declaration, tax-free export check) add their value here and an <see cref="IKioskFlow"/>
/// (docs/decisions/0019-kiosk-shape-typed-contract-and-flows.md).
/// </summary>
[JsonConverter(typeof(CamelCaseNames<KioskFlowId>))]
public enum KioskFlowId
{
    /// <summary>Arriving passengers: passport, chip, face, customs declaration, lane and slip.</summary>
    Arrival,
}
