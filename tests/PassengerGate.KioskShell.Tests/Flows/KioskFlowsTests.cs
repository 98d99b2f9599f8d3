using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.KioskShell.Flows;

namespace PassengerGate.KioskShell.Tests.Flows;

/// <summary>
/// The first screen's flows (docs/decisions/0019-kiosk-shape-typed-contract-and-flows.md §2): only flows both registered
/// and enabled in Kiosk:Flows are offered, in the configured order; arrival takes only the steps it knows.
/// </summary>
public sealed class KioskFlowsTests
{
    [Fact]
    public void Only_registered_flows_that_the_configuration_enables_are_offered_in_its_order()
    {
        var departure = new OtherFlow();
        var flows = Registry("tomorrowsFlow, arrival ,arrival", new ArrivalFlow(), departure);

        // "tomorrowsFlow" has no registered flow and the repeated "arrival" is one button; the unlisted flow is not offered.
        Assert.Equal([KioskFlowId.Arrival], flows.Enabled.Select(f => f.Id));
        Assert.Null(Registry("", new ArrivalFlow()).Find(KioskFlowId.Arrival));
    }

    [Fact]
    public void Arrival_reuses_the_shared_steps_in_the_order_a_passenger_meets_them()
    {
        var arrival = Registry("arrival", new ArrivalFlow()).Find(KioskFlowId.Arrival)!;

        Assert.Equal([KioskStep.Passport, KioskStep.Chip, KioskStep.Face, KioskStep.Declaration, KioskStep.Slip], arrival.Steps);
        Assert.Equal(KioskStep.Face, arrival.StepFor(SessionStep.Face));
        Assert.Equal(KioskStep.Declaration, arrival.StepFor(SessionStep.Declaration));
        // The document is read before the step loop; asked again, the kiosk cannot redo it and the session is abandoned.
        Assert.Null(arrival.StepFor(SessionStep.Document));
    }

    [Fact]
    public void A_flow_id_travels_to_the_touch_UI_as_its_camel_case_name()
    {
        Assert.Equal("\"arrival\"", JsonSerializer.Serialize(KioskFlowId.Arrival));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KioskFlowId>("0"));
    }

    private static KioskFlows Registry(string enabled, params IKioskFlow[] registered) =>
        new(registered, Options.Create(new KioskOptions { Flows = enabled }), NullLogger<KioskFlows>.Instance);

    /// <summary>A flow registered under arrival's id would be a programming error; this one stands for a flow not enabled.</summary>
    private sealed class OtherFlow : IKioskFlow
    {
        public KioskFlowId Id => (KioskFlowId)99;

        public string TitleKey => "startOther";

        public IReadOnlyList<KioskStep> Steps => [KioskStep.Passport, KioskStep.Slip];

        public KioskStep? StepFor(SessionStep asked) => null;
    }
}
