namespace PassengerGate.Hardware.Kiosk;

/// <summary>
/// The light curtain beside the kiosk that tells whether the passenger is below the e-gate's minimum
/// height (small children cannot use the gate). Null when it could not measure.
/// </summary>
public interface IHeightSensor
{
    bool? BelowGateHeight();
}
