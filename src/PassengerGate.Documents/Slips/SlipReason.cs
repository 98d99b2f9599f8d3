namespace PassengerGate.Documents.Slips;

/// <summary>One reason printed on the slip: its stable code and the same reason in plain Japanese and English.</summary>
public sealed record SlipReason(string Code, string TextJa, string TextEn);
