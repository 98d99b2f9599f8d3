using PassengerGate.Hardware.Simulators.Vpcd;

namespace PassengerGate.Hardware.Tests.Vpcd;

public class VpcdConfigurationTests
{
    [Fact]
    public void Port_is_read_from_the_hex_device_name_vsmartcard_installs()
    {
        // vsmartcard-vpcd 3.3 (Debian bookworm) ships /etc/reader.conf.d/vpcd with these lines; 0x8C7B = 8·4096 + 12·256 + 7·16 + 11 = 35963.
        Assert.Equal(35963, ReadPortFrom("FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x8C7B\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    0x8C7B\n"));
    }

    [Fact]
    public void Port_may_be_written_in_decimal()
    {
        Assert.Equal(40000, ReadPortFrom("DEVICENAME /dev/null:40000\n"));
    }

    [Fact]
    public void Commented_out_device_names_are_ignored()
    {
        Assert.Equal(VpcdConfiguration.DefaultPort, ReadPortFrom("#DEVICENAME /dev/null:40000\n"));
    }

    private static int ReadPortFrom(string configuration)
    {
        var path = Path.Combine(Path.GetTempPath(), "pgate-vpcd-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, configuration);
        try
        {
            return VpcdConfiguration.ReadPort(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
