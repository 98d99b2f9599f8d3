using PassengerGate.Contracts.Kiosk;

namespace PassengerGate.KioskShell.Devices;

/// <summary>What the printer prints for a currency declaration: its number, required or not, the total, the next step; no personal data.</summary>
public sealed record CurrencyReceipt(Guid SessionId, string DeclarationNumber, bool Required, decimal? Total, string? ReportingCurrency, CurrencyNextStep? Next);
