namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// What a kiosk may ask of the service. The server's KioskHub implements this interface, so the
/// names the kiosk invokes are checked by the compiler on both sides.
/// Every call carries ids chosen by the kiosk, so a call repeated after a reconnect is answered
/// from what was recorded the first time instead of being processed twice.
/// </summary>
public interface IKioskHub
{
    Task<SessionUpdate> OpenArrivalSession(OpenArrivalSession request);

    Task<SessionUpdate> SubmitDocument(SubmitDocument request);

    Task Heartbeat(KioskHeartbeat heartbeat);
}
