using PassengerGate.Icao.PassiveAuthentication;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The service's own CSCA trust list: a folder of CSCA certificates, ICAO master lists and CRLs
/// (setting Documents:TrustListPath). Reloaded when the folder's files change, so an operator
/// (or the run mode's simulated issuers) can add a country signing CA without a restart.
/// An unset or missing folder means an empty list: every chip then fails as UNKNOWN_CSCA.
/// </summary>
public sealed class TrustListProvider(IConfiguration configuration, ILogger<TrustListProvider> logger)
{
    private readonly Lock _gate = new();
    private string _stamp = "";
    private CscaTrustList _current = CscaTrustList.Empty;

    public CscaTrustList Current
    {
        get
        {
            var folder = configuration["Documents:TrustListPath"];
            if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
            {
                return CscaTrustList.Empty;
            }

            var stamp = string.Join('|', Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
                .Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
            lock (_gate)
            {
                if (!string.Equals(stamp, _stamp, StringComparison.Ordinal))
                {
                    _current = CscaTrustList.LoadFolder(folder);
                    _stamp = stamp;
                    logger.LogInformation("CSCA trust list loaded from {Folder}: {Count} certificates", folder, _current.Certificates.Count);
                }

                return _current;
            }
        }
    }
}
