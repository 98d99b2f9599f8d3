namespace PassengerGate.Hardware.Kiosk;

/// <summary>The kiosk's passport reader with its RF antenna, as the session flow uses it.</summary>
public interface IPassportStation
{
    /// <summary>Waits until a passenger lays a passport on the reader.</summary>
    Task<PassportPresentation> WaitForPassportAsync(CancellationToken ct);
}
