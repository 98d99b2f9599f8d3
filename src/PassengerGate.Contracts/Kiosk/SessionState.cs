using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// Where a passenger's session stands, as a kiosk sees it. On the wire: camelCase names ("faceVerified"). The service's
/// own states (PassengerGate.Domain.Sessions.ArrivalState) map one to one; <see cref="ServiceUnavailable"/> is the kiosk's own.
/// </summary>
[JsonConverter(typeof(CamelCaseNames<SessionState>))]
public enum SessionState
{
    Opened,
    DocumentRead,
    DocumentVerified,
    FaceVerified,
    DeclarationBound,
    Released,
    Referred,
    Closed,
    Abandoned,

    /// <summary>Set by the kiosk itself: the service did not answer in time, so the passenger went to the counter.</summary>
    ServiceUnavailable,
}
