using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace PassengerGate.Data.Security;

/// <summary>
/// ASP.NET Core Data Protection's key ring in PostgreSQL (table data_protection_keys, migration 0071), so a
/// restarted service still reads the staff cookies it issued and several nodes share one ring. The framework's
/// interface is synchronous; it is called when the ring is (re)loaded, about once a day, not per request.
/// </summary>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        const string Sql = "SELECT xml FROM data_protection_keys ORDER BY stored_at, friendly_name";
        using var connection = dataSource.OpenConnection();
        return connection.Query<string>(Sql).Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // Key names are "key-{guid}": two nodes never store the same name, and a retry of one store is a no-op.
        const string Sql = """
            INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)
            ON CONFLICT (friendly_name) DO NOTHING
            """;
        using var connection = dataSource.OpenConnection();
        connection.Execute(Sql, new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
