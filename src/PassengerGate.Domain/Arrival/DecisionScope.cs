namespace PassengerGate.Domain.Arrival;

public enum DecisionScope
{
    /// <summary>Document, biometric, risk and declaration were all weighed.</summary>
    Full,

    /// <summary>Only the declaration and its duty: document and face checks were not performed.</summary>
    Declaration,
}
