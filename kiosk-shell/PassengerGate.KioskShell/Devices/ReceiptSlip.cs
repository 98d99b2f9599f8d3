using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Devices;

/// <summary>
/// What the receipt printer prints for a passenger: lane, case number, the traveller-safe reasons and, for a declaration
/// that owes duty, the service's estimate with the goods over the allowance (the traveller's own declaration); no personal data.
/// </summary>
public sealed record ReceiptSlip(Guid SessionId, SessionLane Lane, long? CaseNumber, IReadOnlyList<TravellerReason> Reasons, DutyEstimate? Duty = null);
