namespace PassengerGate.Domain.Documents;

/// <summary>One problem found in an MRZ, named by the field it concerns.</summary>
public sealed record MrzError(string Field, string Message);
