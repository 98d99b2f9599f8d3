namespace PassengerGate.KioskShell.Devices;

/// <summary>What the receipt printer prints for a passenger: lane, case number and the reasons, no personal data.</summary>
public sealed record ReceiptSlip(Guid SessionId, string Lane, long? CaseNumber, IReadOnlyList<string> Lines);
