using System.Text.Json.Serialization;
using PassengerGate.Contracts.Officer;

namespace PassengerGate.KioskShell.Ui;

/// <summary>The touch UI's screens; on the UI hub as camelCase names ("placePassport"), one module each in KioskUi/screens/.</summary>
[JsonConverter(typeof(CamelCaseNames<UiScreen>))]
public enum UiScreen
{
    OutOfService,
    Welcome,
    PlacePassport,
    ReadingChip,
    Checking,
    Face,
    Declaration,
    Result,
}
