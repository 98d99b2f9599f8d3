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
