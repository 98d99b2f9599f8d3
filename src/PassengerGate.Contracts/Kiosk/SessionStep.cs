using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>The step the service asks the kiosk to take next. On the wire: "document", "face", "declaration" (docs/decisions/0019).</summary>
[JsonConverter(typeof(CamelCaseNames<SessionStep>))]
public enum SessionStep
{
    /// <summary>Read the passport: MRZ and, for an IC passport, the chip (<see cref="IKioskHub.SubmitDocument"/>).</summary>
    Document,

    /// <summary>Compare the live face with the chip portrait (<see cref="IKioskHub.SubmitFaceResult"/>).</summary>
    Face,

    /// <summary>The customs declaration: a pre-declaration QR or the form on the screen (<see cref="IKioskHub.SubmitDeclaration"/>).</summary>
    Declaration,
}
