using System.Globalization;

namespace PassengerGate.Hardware.Simulators.Vpcd;

/// <summary>
/// Where vpcd listens for a virtual card. vsmartcard-vpcd installs /etc/reader.conf.d/vpcd with
/// <c>DEVICENAME /dev/null:0x8C7B</c>: host "/dev/null" means vpcd listens (rather than connects), and the
/// number is the TCP port of the first slot ("Virtual PCD 00 00"); slot n listens on port + n.
/// </summary>
public static class VpcdConfiguration
{
    public const string DefaultConfigurationFile = "/etc/reader.conf.d/vpcd";

    /// <summary>0x8C7B, vpcd's built-in default.</summary>
    public const int DefaultPort = 35963;

    /// <summary>The first slot's port from a reader.conf file, or <see cref="DefaultPort"/> when the file does not say.</summary>
    public static int ReadPort(string configurationFile = DefaultConfigurationFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationFile);
        foreach (var raw in File.ReadLines(configurationFile))
        {
            var line = raw.Trim();
            if (!line.StartsWith("DEVICENAME", StringComparison.Ordinal))
            {
                continue;
            }

            var value = line["DEVICENAME".Length..].Trim();
            var colon = value.LastIndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var port = value[(colon + 1)..].Trim();
            if (port.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(port[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                return hex;
            }

            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return DefaultPort;
    }
}
