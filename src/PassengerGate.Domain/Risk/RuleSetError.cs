namespace PassengerGate.Domain.Risk;

/// <summary>One problem in a rules JSON document, with the JSON path of the field ($.rules[2].kind).</summary>
public sealed record RuleSetError(string Path, string Message);
