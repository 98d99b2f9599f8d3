using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// How the contracts travel as JSON on the SignalR protocol and the HTTP APIs: every enum as its camelCase name, never a
/// number, so a reordered enum cannot change a meaning on the wire and the pages read the same words (decision 0019).
/// The service, the kiosk and the test clients all call <see cref="Configure"/>.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
