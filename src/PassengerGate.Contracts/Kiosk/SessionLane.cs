using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>The lane the service gave a passenger. On the wire: "green", "red" (docs/decisions/0019).</summary>
[JsonConverter(typeof(CamelCaseNames<SessionLane>))]
public enum SessionLane
{
    /// <summary>Released to the face-recognition e-gate. A kiosk opens the gate only on this, from the service.</summary>
    Green,

    /// <summary>To a customs officer at the counter.</summary>
    Red,
}
