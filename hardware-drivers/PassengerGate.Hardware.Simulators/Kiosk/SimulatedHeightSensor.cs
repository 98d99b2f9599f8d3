using PassengerGate.Hardware.Kiosk;

namespace PassengerGate.Hardware.Simulators.Kiosk;

/// <summary>The height sensor on simulated hardware: reports whatever the test or operator set.</summary>
public sealed class SimulatedHeightSensor : IHeightSensor
{
    public bool? Below { get; set; } = false;

    public bool? BelowGateHeight() => Below;
}
