using PassengerGate.Contracts.Kiosk;
using PassengerGate.Icao.Lds;

namespace PassengerGate.KioskShell.Chip;

/// <summary>What the kiosk keeps of a chip read: the reading for the service, and the portrait for the local face check only.</summary>
public sealed record ChipDocument(ChipReading Reading, FacePortrait? Portrait);
