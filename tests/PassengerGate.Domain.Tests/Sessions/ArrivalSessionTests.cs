using PassengerGate.Domain.Sessions;

namespace PassengerGate.Domain.Tests.Sessions;

public class ArrivalSessionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_released_session_records_each_step_with_its_actor()
    {
        var session = ArrivalSession.Open(Guid.NewGuid(), "K1");
        session.AcceptDocument("kiosk:K1", At);
        session.VerifyDocument("service:pa", At);
        session.VerifyFace("service:face", At);
        session.BindDeclaration("kiosk:K1", At);
        session.Release("service:lane-rules", At.AddSeconds(1));

        Assert.Equal("green", session.Lane);
        Assert.Equal(
            [(1, ArrivalState.Opened, ArrivalState.DocumentRead, "kiosk:K1"), (2, ArrivalState.DocumentRead, ArrivalState.DocumentVerified, "service:pa"),
             (3, ArrivalState.DocumentVerified, ArrivalState.FaceVerified, "service:face"), (4, ArrivalState.FaceVerified, ArrivalState.DeclarationBound, "kiosk:K1"),
             (5, ArrivalState.DeclarationBound, ArrivalState.Released, "service:lane-rules")],
            session.PendingTransitions.Select(t => (t.Sequence, t.From, t.To, t.Actor)));
    }

    [Fact]
    public void A_session_cannot_be_released_before_its_declaration_is_bound()
    {
        var session = ArrivalSession.Open(Guid.NewGuid(), "K1");
        Assert.Throws<InvalidOperationException>(() => session.Release("x", At));
        session.AcceptDocument("k", At);
        session.VerifyDocument("s", At);
        session.VerifyFace("s", At);
        Assert.Throws<InvalidOperationException>(() => session.Release("x", At));
        Assert.Equal(ArrivalState.FaceVerified, session.State);
        Assert.Null(session.Lane);
    }

    [Fact]
    public void A_referred_session_cannot_then_be_released()
    {
        var session = ArrivalSession.Open(Guid.NewGuid(), "K1");
        session.Refer([new SessionReason("MRZ_CHECK_DIGIT", "bad")], "service", At);
        Assert.Throws<InvalidOperationException>(() => session.Release("x", At));
        Assert.Equal("red", session.Lane);
    }

    [Fact]
    public void A_referral_without_a_reason_is_refused()
    {
        var session = ArrivalSession.Open(Guid.NewGuid(), "K1");
        Assert.Throws<ArgumentException>(() => session.Refer([], "service", At));
    }

    [Fact]
    public void A_restored_session_continues_its_sequence()
    {
        var session = ArrivalSession.Restore(Guid.NewGuid(), "K1", ArrivalState.DocumentRead, 1);
        session.Refer([SessionReason.InternalError("test")], "service:fail-safe", At);
        var t = Assert.Single(session.PendingTransitions);
        Assert.Equal(2, t.Sequence);
        Assert.Equal("INTERNAL_ERROR", Assert.Single(t.Reasons).Code);
    }

    [Fact]
    public void The_committed_state_diagram_is_generated_from_the_current_machine()
    {
        // docs/diagrams/arrival-session.mmd is generated from the code; refresh it with
        // PASSENGERGATE_UPDATE_DIAGRAMS=1 deploy/test.sh --filter The_committed_state_diagram
        var root = RepositoryRoot();
        var path = Path.Combine(root, "docs", "diagrams", "arrival-session.mmd");
        var generated = ArrivalSession.ToMermaidGraph().ReplaceLineEndings("\n").TrimEnd() + "\n";
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
