namespace PassengerGate.Contracts;

/// <summary>A machine code (for statistics and rules) and a plain-words text (for people).</summary>
public sealed record Reason(string Code, string Text);
