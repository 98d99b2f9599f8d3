using Stateless;
using Stateless.Graph;
using PassengerGate.KioskShell.Ui;

namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// Which screen may follow which on the touch UI (decision 0019). The Stateless machine is private to this class and
/// configured in one place; its diagram is docs/diagrams/kiosk-screens.mmd, generated from it and tested current.
/// A move the machine does not permit throws: the passenger's flow then ends and is wiped (never green), rather than
/// a screen appearing out of order — for example a result the service did not give.
/// Not thread-safe on its own: <see cref="KioskConversation"/> calls it under its state lock.
/// </summary>
public sealed class KioskScreenFlow
{
    private readonly StateMachine<UiScreen, ScreenTrigger> _machine;
    private UiScreen _screen;

    public KioskScreenFlow()
    {
        _machine = new StateMachine<UiScreen, ScreenTrigger>(() => _screen, s => _screen = s);
        Configure();
    }

    /// <summary>What moves the screen.</summary>
    public enum ScreenTrigger
    {
        /// <summary>The link, a device or a supervisor took the kiosk out of service while no passenger was there.</summary>
        Fault,

        /// <summary>Everything the kiosk needs is back.</summary>
        Recovered,

        /// <summary>A passenger (or the next family member) starts: place the passport.</summary>
        PassengerStarted,

        /// <summary>The reader has the passport: its chip is read while the session opens.</summary>
        PassportPlaced,

        /// <summary>The kiosk waits for the service to decide a step ("checking with customs…").</summary>
        ServiceAsked,

        /// <summary>The service asked for the face check.</summary>
        FaceAsked,

        /// <summary>The service asked for the declaration (again, after a refused QR or form).</summary>
        DeclarationAsked,

        /// <summary>The currency declaration is asked for: departing, or arriving after a "yes" to payment means (again, after a refused form).</summary>
        CurrencyAsked,

        /// <summary>A departing traveller's currency declaration was answered (its number, or the desk).</summary>
        CurrencyAnswered,

        /// <summary>A departing traveller's tax-free check was answered (the records and the lane, or the desk).</summary>
        TaxFreeAnswered,

        /// <summary>The service's lane (or the counter, when it did not answer) is shown.</summary>
        Decided,

        /// <summary>The passenger left, timed out, cancelled or finished: everything is wiped.</summary>
        Wiped,
    }

    /// <summary>The screen that follows <paramref name="current"/> on <paramref name="trigger"/>.</summary>
    public UiScreen After(UiScreen current, ScreenTrigger trigger)
    {
        _screen = current;
        _machine.Fire(trigger);
        return _screen;
    }

    /// <summary>The screen flow as a Mermaid state diagram, generated from the configuration.</summary>
    public static string ToMermaidGraph() => MermaidGraph.Format(new KioskScreenFlow()._machine.GetInfo());

    private void Configure()
    {
        _machine.Configure(UiScreen.OutOfService)
            .Permit(ScreenTrigger.Recovered, UiScreen.Welcome)
            .Ignore(ScreenTrigger.Fault)
            .Ignore(ScreenTrigger.Wiped);

        _machine.Configure(UiScreen.Welcome)
            .Permit(ScreenTrigger.Fault, UiScreen.OutOfService)
            .Permit(ScreenTrigger.PassengerStarted, UiScreen.PlacePassport)
            .Ignore(ScreenTrigger.Recovered)
            .Ignore(ScreenTrigger.Wiped);

        // Every screen with a passenger on it ends in a wipe back to the welcome screen, whatever ended it.
        foreach (var passenger in new[] { UiScreen.PlacePassport, UiScreen.ReadingChip, UiScreen.Checking, UiScreen.Face, UiScreen.Declaration, UiScreen.Result, UiScreen.Currency, UiScreen.CurrencyResult, UiScreen.TaxFreeResult })
        {
            _machine.Configure(passenger).Permit(ScreenTrigger.Wiped, UiScreen.Welcome);
        }

        _machine.Configure(UiScreen.PlacePassport)
            .Permit(ScreenTrigger.PassportPlaced, UiScreen.ReadingChip);

        // The session opened already decided (a repeat of a decided session, or the service out of reach): straight to the result.
        _machine.Configure(UiScreen.ReadingChip)
            .Permit(ScreenTrigger.ServiceAsked, UiScreen.Checking)
            .Permit(ScreenTrigger.Decided, UiScreen.Result);

        _machine.Configure(UiScreen.Checking)
            .Permit(ScreenTrigger.FaceAsked, UiScreen.Face)
            .Permit(ScreenTrigger.DeclarationAsked, UiScreen.Declaration)
            .Permit(ScreenTrigger.Decided, UiScreen.Result)
            .Permit(ScreenTrigger.CurrencyAsked, UiScreen.Currency)
            .Permit(ScreenTrigger.CurrencyAnswered, UiScreen.CurrencyResult)
            .Permit(ScreenTrigger.TaxFreeAnswered, UiScreen.TaxFreeResult)
            .Ignore(ScreenTrigger.ServiceAsked);

        _machine.Configure(UiScreen.Face)
            .Permit(ScreenTrigger.ServiceAsked, UiScreen.Checking);

        // A QR refused at the kiosk (unknown key, expired) asks again without the service: the declaration screen stays.
        _machine.Configure(UiScreen.Declaration)
            .Permit(ScreenTrigger.ServiceAsked, UiScreen.Checking)
            .PermitReentry(ScreenTrigger.DeclarationAsked);

        // The currency form goes to the service for its review and its number; a refused form is shown again.
        _machine.Configure(UiScreen.Currency)
            .Permit(ScreenTrigger.ServiceAsked, UiScreen.Checking)
            .PermitReentry(ScreenTrigger.CurrencyAsked);

        // A family: after one member's result (a lane, or a currency declaration's number) the next member places their passport.
        _machine.Configure(UiScreen.Result)
            .Permit(ScreenTrigger.PassengerStarted, UiScreen.PlacePassport);
        _machine.Configure(UiScreen.CurrencyResult)
            .Permit(ScreenTrigger.PassengerStarted, UiScreen.PlacePassport);
        _machine.Configure(UiScreen.TaxFreeResult)
            .Permit(ScreenTrigger.PassengerStarted, UiScreen.PlacePassport);
    }
}
