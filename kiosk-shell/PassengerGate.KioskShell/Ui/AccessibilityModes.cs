namespace PassengerGate.KioskShell.Ui;

/// <summary>Display modes a passenger can switch on; reset when the session is wiped.</summary>
public sealed record AccessibilityModes(bool LargeText = false, bool HighContrast = false, bool LowReach = false, bool Speech = false);
