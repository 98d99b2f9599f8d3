using PassengerGate.Hardware.Simulators.Chip;

namespace PassengerGate.Hardware.Simulators.Vpcd;

/// <summary>Lets a simulated passport chip be inserted into the vpcd virtual reader of a real pcscd.</summary>
public sealed class SimulatedPassportCard(SimulatedPassportChip chip) : ISimulatedCard
{
    public byte[] Atr => chip?.Atr.ToArray() ?? throw new ArgumentNullException(nameof(chip));

    // Power loss ends the secure-messaging session, as on a real chip.
    public void PowerOn() => chip.Reset();

    public void PowerOff() => chip.Reset();

    public void Reset() => chip.Reset();

    public byte[] Process(byte[] commandApdu) => chip.Process(commandApdu);
}
