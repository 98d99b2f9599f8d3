namespace PassengerGate.Documents.Slips;

/// <summary>One printed block of the slip, in order: a line of text or the QR code.</summary>
public abstract record SlipElement;
