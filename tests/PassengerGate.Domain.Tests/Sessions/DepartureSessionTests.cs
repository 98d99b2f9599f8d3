using PassengerGate.Domain.Sessions;

namespace PassengerGate.Domain.Tests.Sessions;

/// <summary>The tax-free departure session (issue 12 point 5; DOMAIN.md §5: confirmed only on green, red ⇒ inspection).</summary>
public class DepartureSessionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static DepartureSession Checked()
    {
        var session = DepartureSession.Open(Guid.NewGuid(), "K1");
        session.AcceptDocument("kiosk:K1", At);
        session.VerifyDocument("service:pa", At);
        session.CheckRecords("service:taxfree-rules", At);
        return session;
    }

    [Fact]
    public void A_green_session_records_each_step_and_ends_with_export_confirmed()
    {
        var session = Checked();
        session.ConfirmExport("kiosk:K1", At.AddSeconds(5));

        Assert.Equal("green", session.Lane);
        Assert.True(session.IsDecided);
        Assert.Equal(
            [(1, DepartureState.Opened, DepartureState.DocumentRead), (2, DepartureState.DocumentRead, DepartureState.DocumentVerified),
             (3, DepartureState.DocumentVerified, DepartureState.RecordsChecked), (4, DepartureState.RecordsChecked, DepartureState.ExportConfirmed)],
            session.PendingTransitions.Select(t => (t.Sequence, t.From, t.To)));
    }

    [Fact]
    public void Export_cannot_be_confirmed_before_the_passport_is_verified_and_the_records_checked()
    {
        var session = DepartureSession.Open(Guid.NewGuid(), "K1");
        session.AcceptDocument("kiosk:K1", At);

        Assert.False(session.CanFire(DepartureTrigger.ConfirmExport));
        Assert.Throws<InvalidOperationException>(() => session.ConfirmExport("kiosk:K1", At));
        Assert.Null(session.Lane);
    }

    [Fact]
    public void A_red_session_waits_for_the_inspection_and_cannot_turn_green()
    {
        var session = Checked();
        session.SendToInspection("service:taxfree-rules", At, [new SessionReason("TAXFREE_RANDOM", "random selection")]);

        Assert.Equal("red", session.Lane);
        Assert.Throws<InvalidOperationException>(() => session.ConfirmExport("kiosk:K1", At));
        session.Close("officer:o1", At.AddMinutes(5));
        Assert.Equal(DepartureState.Closed, session.State);
    }

    [Fact]
    public void Every_live_state_can_be_referred_or_abandoned_and_neither_is_green()
    {
        foreach (var steps in new[] { 0, 1, 2, 3 })
        {
            var referred = DepartureSession.Open(Guid.NewGuid(), "K1");
            var abandoned = DepartureSession.Open(Guid.NewGuid(), "K1");
            foreach (var s in new[] { referred, abandoned })
            {
                if (steps > 0) { s.AcceptDocument("k", At); }
                if (steps > 1) { s.VerifyDocument("k", At); }
                if (steps > 2) { s.CheckRecords("k", At); }
            }

            referred.Refer([SessionReason.InternalError("test")], "service:fail-safe", At);
            abandoned.Abandon("kiosk:K1", At, new SessionReason("ABANDONED", "left"));

            Assert.Equal("red", referred.Lane);
            Assert.Null(abandoned.Lane);
            Assert.False(abandoned.CanFire(DepartureTrigger.ConfirmExport));
        }
    }

    [Fact]
    public void A_restored_session_continues_its_sequence()
    {
        var session = DepartureSession.Restore(Guid.NewGuid(), "K1", DepartureState.RecordsChecked, 3);
        session.ConfirmExport("kiosk:K1", At);

        Assert.Equal(4, Assert.Single(session.PendingTransitions).Sequence);
    }

    [Fact]
    public void The_committed_departure_diagram_is_generated_from_the_current_machine()
    {
        // docs/diagrams/departure-session.mmd is generated from the code; refresh it with
        // PASSENGERGATE_UPDATE_DIAGRAMS=1 deploy/test.sh --filter The_committed_departure_diagram
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PassengerGate.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("PassengerGate.sln not found"), "docs", "diagrams", "departure-session.mmd");
        var generated = DepartureSession.ToMermaidGraph().ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("PASSENGERGATE_UPDATE_DIAGRAMS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing");
        Assert.Equal(generated, File.ReadAllText(path));
    }
}
