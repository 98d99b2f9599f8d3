using System.Diagnostics;
using System.Text.Json;

namespace PassengerGate.Documents.Tests.Support;

/// <summary>
/// Runs Debian's qpdf, an independent PDF parser that decodes every stream it checks, on a PDF held in memory.
/// qpdf is a test prerequisite (deploy/test.sh installs it); without it the tests fail and say so, they never skip.
/// </summary>
internal static class Qpdf
{
    /// <summary>Stands for the PDF's file in the arguments; without it the file goes last.</summary>
    public const string Input = "{input}";

    public static (int ExitCode, string Output) Run(byte[] pdf, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), "pgate-qpdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("qpdf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == Input ? path : argument);
            }

            if (!arguments.Contains(Input))
            {
                start.ArgumentList.Add(path);
            }
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("qpdf did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("qpdf is not installed: apt-get install qpdf (deploy/test.sh does this)", e);
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                var stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The objects of the file as qpdf's JSON version 2 shows them (qpdf manual, "qpdf JSON"): keys "obj:N 0 R" and
    /// "trailer"; names as "/Name", references as "N 0 R", streams as {"stream": {"dict": ...}}.
    /// </summary>
    public static JsonElement Objects(byte[] pdf)
    {
        var (exitCode, output) = Run(pdf, "--json=2", "--json-key=qpdf");
        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("qpdf")[1].Clone();
    }
}
