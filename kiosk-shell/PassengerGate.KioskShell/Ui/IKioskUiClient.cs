namespace PassengerGate.KioskShell.Ui;

/// <summary>What the kiosk host pushes to its touch UI.</summary>
public interface IKioskUiClient
{
    Task Screen(UiState state);
}
