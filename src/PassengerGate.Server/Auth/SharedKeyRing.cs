using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using PassengerGate.Data.Security;

namespace PassengerGate.Server.Auth;

/// <summary>
/// The Data Protection key ring that signs and encrypts staff cookies and anti-forgery tokens, kept in PostgreSQL
/// (<see cref="DataProtectionKeyStore"/>) instead of each node's file system: a restart does not sign staff out and
/// several nodes behind one address accept each other's cookies. The application name is fixed, because the
/// default isolates rings by content-root path, which differs between installations.
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "PassengerGate";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((o, dataSource) => o.XmlRepository = new DataProtectionKeyStore(dataSource));
        return services;
    }
}
