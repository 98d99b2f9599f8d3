namespace PassengerGate.Cli.Tests;

/// <summary>The files of deploy/sample-data, found from the test output folder, so the tests also prove the shipped sample imports.</summary>
internal static class RiskSampleData
{
    public static string Folder { get; } = Find();

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>Writes <paramref name="text"/> to a new temporary file and returns its path.</summary>
    public static string Temp(string text, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), "pgate-risk-" + Guid.NewGuid().ToString("N") + extension);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "sample-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("deploy/sample-data not found above " + AppContext.BaseDirectory);
    }
}
