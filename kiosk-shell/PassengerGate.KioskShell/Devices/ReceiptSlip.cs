using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Devices;

/// <summary>What the receipt printer prints for a passenger: lane, case number and the traveller-safe reasons, no personal data.</summary>
public sealed record ReceiptSlip(Guid SessionId, SessionLane Lane, long? CaseNumber, IReadOnlyList<TravellerReason> Reasons);
