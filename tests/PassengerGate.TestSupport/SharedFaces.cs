namespace PassengerGate.TestSupport;

/// <summary>
/// The development face images (../shared/faces beside the repository, or $PASSENGERGATE_SHARED/faces).
/// They are not committed (their README says so), so a fresh clone has none: tests that need them skip on a
/// developer's machine, but under CI=true they run and fail, so a CI run never passes without them.
/// </summary>
public static class SharedFaces
{
    public const string EnvironmentVariable = "PASSENGERGATE_SHARED";

    /// <summary>The folder holding pairs.csv and the images, or null when it is absent.</summary>
    public static string? Directory { get; } = Find();

    /// <summary>The folder, or an exception saying where to put the images (a test that needs them fails).</summary>
    public static string RequiredDirectory => Directory ?? throw new InvalidOperationException(SkipReason);

    /// <summary>CI=true (set by GitHub Actions, GitLab CI and most CI services): a test with missing inputs fails, never skips.</summary>
    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SkipReason =>
        $"face images not found: put them in ../shared/faces beside the repository or set {EnvironmentVariable} (see the faces README)";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } shared)
        {
            return WithPairs(Path.Combine(shared, "faces"));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PassengerGate.sln")))
            {
                return WithPairs(Path.Combine(dir.FullName, "..", "shared", "faces"));
            }
        }

        return null;
    }

    private static string? WithPairs(string folder) =>
        File.Exists(Path.Combine(folder, "pairs.csv")) ? Path.GetFullPath(folder) : null;
}
