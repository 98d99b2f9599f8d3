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

    /// <summary>The currency declaration's form and its review (decision 0022, "Kiosk screens").</summary>
    Currency,

    /// <summary>A departing traveller's currency declaration stored: its number and what to do next.</summary>
    CurrencyResult,

    /// <summary>A departing traveller's tax-free check answered: each record with its status and the lane, or the desk.</summary>
    TaxFreeResult,
}
