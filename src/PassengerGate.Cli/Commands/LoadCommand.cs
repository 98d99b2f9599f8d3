using System.Globalization;
using System.Security.Cryptography;
using PassengerGate.Cli.Load;
using PassengerGate.Data.Kiosks;
using PassengerGate.Domain.Kiosks;
using PassengerGate.Hardware.Simulators.Kiosk;

namespace PassengerGate.Cli.Commands;

/// <summary>
/// `pgate load`: drives a running service (the README's run command) with N simulated kiosks and M officer consoles
/// over real WebSockets and prints the rate and latencies as JSON (docs/performance.md). It registers its kiosks
/// (`load-0001`…) in the service's database as `pgate kiosk register` does, and puts its simulated passports' CSCA in
/// the service's trust folder, so the service verifies every chip for real. With `--idle N` it also holds N more kiosk
/// connections (`idle-00001`…) open and silent for the whole run, as a fleet of kiosks waiting for passengers does.
/// </summary>
public sealed class LoadCommand : ICliCommand
{
    public string Path => "load";

    public string Usage => "--url URL --kiosks N [--idle N] [--consoles M] [--duration 60s] [--warmup 10s] [--protocol json|messagepack] [--ca FILE] [--trust-dir DIR] [--officer NAME --officer-password-file FILE] [--mix all|ordinary|referred] [--seed N] [--plot FILE.png] [--db CONNECTION]";

    public string Summary => "Load a running service with simulated kiosks and officer consoles; print rate and latencies (JSON).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--url", "--kiosks", "--idle", "--consoles", "--duration", "--warmup", "--protocol", "--ca", "--trust-dir", "--officer", "--officer-password-file", "--mix", "--seed", "--plot", "--db"]);
        if (parsed.Error is not null || parsed.Positionals.Count != 0)
        {
            return context.Usage(parsed.Error ?? $"usage: pgate load {Usage}");
        }

        if (!Uri.TryCreate(parsed.Option("--url"), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return context.Usage("--url must be the service's address, e.g. https://127.0.0.1:5443");
        }

        if (!int.TryParse(parsed.Option("--kiosks"), NumberStyles.None, CultureInfo.InvariantCulture, out var kiosks) || kiosks is < 1 or > 20_000)
        {
            return context.Usage("--kiosks must be a number from 1 to 20000");
        }

        var idle = 0;
        if (parsed.Option("--idle") is { } idleText && (!int.TryParse(idleText, NumberStyles.None, CultureInfo.InvariantCulture, out idle) || idle > 50_000))
        {
            return context.Usage("--idle must be a number from 0 to 50000");
        }

        var consoles = 0;
        if (parsed.Option("--consoles") is { } consolesText && (!int.TryParse(consolesText, NumberStyles.None, CultureInfo.InvariantCulture, out consoles) || consoles > 1000))
        {
            return context.Usage("--consoles must be a number from 0 to 1000");
        }

        if (!TryDuration(parsed.Option("--duration") ?? "60s", out var duration) || duration < TimeSpan.FromSeconds(1))
        {
            return context.Usage("--duration must be a time such as 60s, 10m or 1h (at least 1s)");
        }

        if (!TryDuration(parsed.Option("--warmup") ?? "10s", out var warmup))
        {
            return context.Usage("--warmup must be a time such as 10s or 0s");
        }

        LoadProtocol protocol;
        switch (parsed.Option("--protocol") ?? "json")
        {
            case "json": protocol = LoadProtocol.Json; break;
            case "messagepack": protocol = LoadProtocol.MessagePack; break;
            default: return context.Usage("--protocol must be json or messagepack");
        }

        LoadMix mix;
        switch (parsed.Option("--mix") ?? "all")
        {
            case "all": mix = LoadMix.All; break;
            case "ordinary": mix = LoadMix.Ordinary; break;
            case "referred": mix = LoadMix.Referred; break;
            default: return context.Usage("--mix must be all, ordinary or referred");
        }

        // A new seed each run unless given (the report prints it): the same seed again brings the same passports again, and
        // the service rightly treats a document seen in an earlier run as the same passenger (one passenger, one outcome).
        var seed = Random.Shared.Next(1, 1_000_000_000);
        if (parsed.Option("--seed") is { } seedText && !int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            return context.Usage("--seed must be a number");
        }

        var plotFile = parsed.Option("--plot");
        if (plotFile is not null && (!plotFile.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            || !Directory.Exists(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(plotFile)))))
        {
            return context.Usage("--plot must be a .png file in an existing folder");
        }

        var ca = parsed.Option("--ca");
        if (ca is not null && !File.Exists(ca))
        {
            return context.Usage($"--ca: no file {ca}");
        }

        var trustDir = parsed.Option("--trust-dir") ?? context.Env("PASSENGERGATE_Documents__TrustListPath");
        if (trustDir is null || !Directory.Exists(trustDir))
        {
            return context.Usage("--trust-dir must be the service's CSCA trust folder (Documents:TrustListPath), so it can verify the simulated chips");
        }

        var officer = parsed.Option("--officer");
        string? password = null;
        if (consoles > 0)
        {
            if (officer is null || parsed.Option("--officer-password-file") is not { } passwordFile || !File.Exists(passwordFile))
            {
                return context.Usage("--consoles needs --officer NAME and --officer-password-file FILE (an officer account at the kiosks' airport, NRT)");
            }

            password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        }

        var db = parsed.Database(context);
        if (db is null)
        {
            return context.Usage("no database: pass --db or set PASSENGERGATE_DB (the load kiosks are registered there)");
        }

        var options = new LoadOptions(url, kiosks, consoles, warmup, duration, protocol, ca, officer, password, mix, seed, idle);
        var tokens = await RegisterKiosksAsync(db, "load-{0:D4}", kiosks, context.Clock);
        var idleTokens = await RegisterKiosksAsync(db, "idle-{0:D5}", idle, context.Clock);
        using var passports = new SimulatedPassports(System.IO.Path.Combine(trustDir, "load-generator-csca.cer"), context.Clock);
        _ = passports.Pki;

        string? cookie = null;
        if (consoles > 0)
        {
            using var http = new LoadConnections(options).Http();
            try
            {
                cookie = await LoadSignIn.SignInAsync(http, officer!, password!, CancellationToken.None);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
            {
                return context.Fail($"load: {ex.Message}");
            }
        }

        LoadReport report;
        var run = new LoadRun(options, tokens, cookie, passports, context.Today, context.Clock) { IdleKioskTokens = idleTokens };
        try
        {
            report = await run.RunAsync(CancellationToken.None);
        }
        catch (HttpRequestException ex)
        {
            return context.Fail($"load: cannot reach the service at {url}: {ex.Message}");
        }

        if (plotFile is not null)
        {
            LoadPlot.Save(plotFile, run.Histograms, report);
        }

        context.WriteJson(report);
        return report.Errors == 0 && report.Idle.Failed == 0 && report.Idle.Dropped == 0 ? 0 : 1;
    }

    private static async Task<IReadOnlyList<string>> RegisterKiosksAsync(string db, string idFormat, int count, TimeProvider clock)
    {
        if (count == 0)
        {
            return [];
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var store = new KioskStore(dataSource);
        var tokens = new List<string>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = string.Format(CultureInfo.InvariantCulture, idFormat, i);
            var credential = KioskCredential.FromRandom(id, RandomNumberGenerator.GetBytes(KioskCredential.SecretBytes));
            await store.RegisterAsync(id, credential.SecretHash, "load generator", "NRT", clock.GetUtcNow(), CancellationToken.None);
            tokens.Add(credential.Token);
        }

        return tokens;
    }

    /// <summary>"90", "90s", "10m", "1h".</summary>
    public static bool TryDuration(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        duration = unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => TimeSpan.MinValue,
        };
        return duration >= TimeSpan.Zero;
    }
}
