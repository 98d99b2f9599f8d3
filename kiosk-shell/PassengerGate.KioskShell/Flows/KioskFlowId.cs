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

    /// <summary>Departing passengers declaring means of payment (FATF R.32): passport, chip, the currency form, number and slip.</summary>
    Currency,

    /// <summary>Departing visitors with tax-free purchases: passport, chip, the service's check of their records, lane and slip.</summary>
    TaxFree,
}
