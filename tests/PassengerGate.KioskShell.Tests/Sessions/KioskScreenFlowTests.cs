using PassengerGate.KioskShell.Sessions;
using PassengerGate.KioskShell.Ui;
using Trigger = PassengerGate.KioskShell.Sessions.KioskScreenFlow.ScreenTrigger;

namespace PassengerGate.KioskShell.Tests.Sessions;

/// <summary>The touch UI's screen flow (docs/decisions/0019 §3): which screen may follow which, and its committed diagram.</summary>
public sealed class KioskScreenFlowTests
{
    [Fact]
    public void A_family_walks_every_screen_in_order_and_is_wiped_back_to_the_welcome()
    {
        var flow = new KioskScreenFlow();
        var screen = UiScreen.OutOfService;
        var walked = new List<UiScreen>();
        foreach (var trigger in new[]
        {
            Trigger.Recovered, Trigger.PassengerStarted, Trigger.PassportPlaced, Trigger.ServiceAsked, Trigger.FaceAsked, Trigger.ServiceAsked,
            Trigger.DeclarationAsked, Trigger.DeclarationAsked, Trigger.ServiceAsked, Trigger.Decided, Trigger.PassengerStarted, Trigger.Wiped,
        })
        {
            screen = flow.After(screen, trigger);
            walked.Add(screen);
        }

        // The screens kiosk-shell/README.md lists, in the order a passenger meets them; a QR refused once at the kiosk asks
        // again on the same screen; a family's next member starts from the result.
        Assert.Equal(
            [UiScreen.Welcome, UiScreen.PlacePassport, UiScreen.ReadingChip, UiScreen.Checking, UiScreen.Face, UiScreen.Checking,
             UiScreen.Declaration, UiScreen.Declaration, UiScreen.Checking, UiScreen.Result, UiScreen.PlacePassport, UiScreen.Welcome],
            walked);
    }

    [Fact]
    public void A_departing_traveller_declaring_currency_goes_from_the_passport_to_the_form_through_a_refusal_to_the_number()
    {
        var flow = new KioskScreenFlow();
        var walked = new List<UiScreen>();
        var screen = UiScreen.Welcome;
        foreach (var trigger in new[]
        {
            Trigger.PassengerStarted, Trigger.PassportPlaced, Trigger.ServiceAsked, Trigger.CurrencyAsked, Trigger.ServiceAsked,
            Trigger.CurrencyAsked, Trigger.ServiceAsked, Trigger.CurrencyAnswered, Trigger.Wiped,
        })
        {
            screen = flow.After(screen, trigger);
            walked.Add(screen);
        }

        // A form the service refused (a currency without this week's rate) comes back to the form, not to a result.
        Assert.Equal(
            [UiScreen.PlacePassport, UiScreen.ReadingChip, UiScreen.Checking, UiScreen.Currency, UiScreen.Checking,
             UiScreen.Currency, UiScreen.Checking, UiScreen.CurrencyResult, UiScreen.Welcome],
            walked);
    }

    [Fact]
    public void On_arrival_the_currency_form_comes_after_the_declaration_and_before_the_lane()
    {
        var flow = new KioskScreenFlow();
        var screen = UiScreen.Checking;
        var walked = new List<UiScreen>();
        foreach (var trigger in new[] { Trigger.DeclarationAsked, Trigger.ServiceAsked, Trigger.CurrencyAsked, Trigger.ServiceAsked, Trigger.Decided })
        {
            screen = flow.After(screen, trigger);
            walked.Add(screen);
        }

        Assert.Equal([UiScreen.Declaration, UiScreen.Checking, UiScreen.Currency, UiScreen.Checking, UiScreen.Result], walked);
    }

    [Theory]
    [InlineData(UiScreen.Result)]
    [InlineData(UiScreen.CurrencyResult)]
    public void In_a_family_the_next_member_places_their_passport_after_a_lane_or_a_currency_number(UiScreen from) =>
        Assert.Equal(UiScreen.PlacePassport, new KioskScreenFlow().After(from, Trigger.PassengerStarted));

    [Theory]
    [InlineData(UiScreen.Currency, Trigger.CurrencyAnswered)]
    [InlineData(UiScreen.Currency, Trigger.Decided)]
    [InlineData(UiScreen.Result, Trigger.CurrencyAsked)]
    [InlineData(UiScreen.CurrencyResult, Trigger.CurrencyAsked)]
    public void No_currency_answer_or_lane_without_asking_the_service_and_no_form_after_the_lane(UiScreen from, Trigger trigger) =>
        Assert.Throws<InvalidOperationException>(() => new KioskScreenFlow().After(from, trigger));

    [Theory]
    [InlineData(UiScreen.Welcome, Trigger.Decided)]
    [InlineData(UiScreen.Face, Trigger.Decided)]
    [InlineData(UiScreen.Declaration, Trigger.Decided)]
    [InlineData(UiScreen.PlacePassport, Trigger.FaceAsked)]
    [InlineData(UiScreen.OutOfService, Trigger.PassengerStarted)]
    public void No_result_without_asking_the_service_and_no_passenger_while_out_of_service(UiScreen from, Trigger trigger) =>
        Assert.Throws<InvalidOperationException>(() => new KioskScreenFlow().After(from, trigger));

    [Fact]
    public void A_passenger_screen_cannot_be_taken_out_of_service_underneath_the_passenger() =>
        Assert.Throws<InvalidOperationException>(() => new KioskScreenFlow().After(UiScreen.Face, Trigger.Fault));

    [Fact]
    public void The_committed_screen_diagram_is_generated_from_the_current_machine()
    {
        // docs/diagrams/kiosk-screens.mmd is generated from the code; refresh it with
        // PASSENGERGATE_UPDATE_DIAGRAMS=1 deploy/test.sh --filter The_committed_screen_diagram
        var root = RepositoryRoot();
        var path = Path.Combine(root, "docs", "diagrams", "kiosk-screens.mmd");
        var generated = KioskScreenFlow.ToMermaidGraph().ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("PASSENGERGATE_UPDATE_DIAGRAMS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing");
        Assert.Equal(generated, File.ReadAllText(path));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PassengerGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PassengerGate.sln not found above the test folder");
    }
}
