using PassengerGate.Domain.Time;

namespace PassengerGate.Cli;

/// <summary>
/// One `pgate` command. <see cref="Path"/> is the words that select it ("kiosk register").
/// A command prints JSON on stdout, and a one-line message on stderr when it fails.
/// Exit codes: 0 done, 1 the operation failed, 2 bad arguments or unreadable input.
/// </summary>
public interface ICliCommand
{
    string Path { get; }

    string Usage { get; }

    string Summary { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context);
}

/// <summary>What a command may use: its output streams, the environment and the clock.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, TimeProvider clock, Func<string, string?> environment, TextReader? stdin = null)
{
    /// <summary>Standard input (passwords for --password-stdin); empty when none was given.</summary>
    public TextReader In { get; } = stdin ?? TextReader.Null;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public TimeProvider Clock { get; } = clock;

    public string? Env(string name) => environment(name);

    /// <summary>The airport's clock: PASSENGERGATE_Airport__TimeZone (an IANA id, as the service's Airport:TimeZone), default Asia/Tokyo.</summary>
    public AirportClock Airport => new(Clock, Env("PASSENGERGATE_Airport__TimeZone"));

    /// <summary>Today at the airport, never the UTC date (decision 0008): the default of every --as-of.</summary>
    public DateOnly Today => Airport.Today;

    public void WriteJson<T>(T value) => Out.WriteLine(CliJson.Serialize(value));

    /// <summary>Writes the message to stderr and returns exit code 2 (bad arguments).</summary>
    public int Usage(string message)
    {
        Error.WriteLine($"pgate: {message}");
        return 2;
    }

    /// <summary>Writes the message to stderr and returns exit code 1 (the operation failed).</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"pgate: {message}");
        return 1;
    }
}
