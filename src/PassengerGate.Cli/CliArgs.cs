namespace PassengerGate.Cli;

/// <summary>Positional words and "--name value" options, with the names a command accepts.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CliArgs(List<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    public string? Error { get; private init; }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>Parses args; options not in <paramref name="valueOptions"/> or <paramref name="flags"/> are an error.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(valueOptions);
        flags ??= [];
        var positionals = new List<string>();
        var result = new CliArgs(positionals);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                positionals.Add(a);
                continue;
            }

            if (flags.Contains(a))
            {
                result._options[a] = "true";
            }
            else if (valueOptions.Contains(a))
            {
                if (i + 1 >= args.Count)
                {
                    return new CliArgs(positionals) { Error = $"option {a} needs a value" };
                }

                result._options[a] = args[++i];
            }
            else
            {
                return new CliArgs(positionals) { Error = $"unknown option {a}" };
            }
        }

        return result;
    }

    /// <summary>--as-of as a yyyy-MM-dd date, else today; null with <paramref name="error"/> set when it does not parse.</summary>
    public DateOnly? AsOf(CliContext context, string command, out string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        error = null;
        if (Option("--as-of") is not { } text)
        {
            return context.Today;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var asOf))
        {
            return asOf;
        }

        error = $"{command}: --as-of '{text}' is not a yyyy-MM-dd date";
        return null;
    }

    /// <summary>The database connection string: --db, else PASSENGERGATE_DB.</summary>
    public string? Database(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Option("--db") ?? context.Env("PASSENGERGATE_DB");
    }
}
