using Npgsql;

namespace PassengerGate.Data.Tests;

/// <summary>
/// The service's pool defaults (docs/performance.md, "Tuning knobs"): no DISCARD ALL on return and automatic preparation,
/// unless the operator's connection string says otherwise (Npgsql's documented keywords:
/// https://www.npgsql.org/doc/connection-string-parameters.html).
/// </summary>
public class ServicePoolSettingsTests
{
    [Fact]
    public void A_plain_connection_string_gets_the_service_defaults()
    {
        var settings = new NpgsqlConnectionStringBuilder(PassengerGateDb.WithServiceDefaults("Host=127.0.0.1;Port=5432;Username=postgres"));

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(128, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal("127.0.0.1", settings.Host);
    }

    [Theory]
    [InlineData("Host=h;No Reset On Close=false;Max Auto Prepare=0;Auto Prepare Min Usages=5")]
    [InlineData("Host=h;noresetonclose=false;MAXAUTOPREPARE=0;autoprepareminusages=5")]
    public void Settings_the_operator_gave_are_kept(string given)
    {
        var settings = new NpgsqlConnectionStringBuilder(PassengerGateDb.WithServiceDefaults(given));

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(5, settings.AutoPrepareMinUsages);
    }
}
