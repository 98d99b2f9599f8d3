using PassengerGate.Domain.Currency;

namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The customs weekly rates the assessment converts with. Read from the CSV named by
/// Rates:CsvPath (CustomsRateTable.CsvHeader format) and re-read when the file changes. Without a
/// table, any foreign-currency value is an error in the assessment (red), never a guess.
/// </summary>
public sealed class RateTableSource(IConfiguration configuration, ILogger<RateTableSource> logger)
{
    private readonly Lock _gate = new();
    private DateTime _loadedStamp;
    private CustomsRateTable _table = CustomsRateTable.Empty;

    public CustomsRateTable Current
    {
        get
        {
            var path = configuration["Rates:CsvPath"];
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                return CustomsRateTable.Empty;
            }

            lock (_gate)
            {
                var stamp = File.GetLastWriteTimeUtc(path);
                if (stamp != _loadedStamp)
                {
                    var import = CustomsRateTable.FromCsv(File.ReadAllText(path));
                    if (import.Table is null)
                    {
                        logger.LogError("Rate table {Path} rejected: {Errors}", path, string.Join("; ", import.Errors.Select(e => $"line {e.Line}: {e.Message}")));
                        _table = CustomsRateTable.Empty;
                    }
                    else
                    {
                        _table = import.Table;
                    }

                    _loadedStamp = stamp;
                }

                return _table;
            }
        }
    }
}
