using BenchmarkDotNet.Attributes;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.Pace;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Benchmarks;

/// <summary>
/// A full read of a simulated passport through the in-process transport: access control, EF.COM, DG1, DG2 (20 kB portrait),
/// DG15, EF.SOD and Active Authentication, then passive authentication. Measures the protocol and crypto cost on the
/// kiosk's CPU; the contactless link adds its own time per APDU on a real reader.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ChipReadBenchmarks
{
    private SimulatedPassport _bac = null!;
    private SimulatedPassport _pace = null!;

    [GlobalSetup]
    public void Setup()
    {
        var face = new byte[20_000];
        new Random(1).NextBytes(face);
        face[0] = 0xFF;
        face[1] = 0xD8;
        _bac = SimulatedPassportFactory.Create(new SimulatedPassportOptions { FaceImage = face });
        _pace = SimulatedPassportFactory.Create(new SimulatedPassportOptions { FaceImage = face, Pace = new PaceInfo(PaceInfo.EcdhGmAes128, 13) });
        foreach (var (name, task) in new[]
        {
            ("BAC short", Read(_bac, ExtendedLengthMode.Never)),
            ("BAC extended", Read(_bac, ExtendedLengthMode.Always)),
            ("PACE extended", Read(_pace, ExtendedLengthMode.Always)),
        })
        {
            Console.WriteLine($"// APDUs per read, {name}: {task.GetAwaiter().GetResult().ApduCount}");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<ChipReadResult> BacShortLength() => Read(_bac, ExtendedLengthMode.Never);

    [Benchmark]
    public Task<ChipReadResult> BacExtendedLength() => Read(_bac, ExtendedLengthMode.Always);

    [Benchmark]
    public Task<ChipReadResult> PaceBrainpoolExtendedLength() => Read(_pace, ExtendedLengthMode.Always);

    [Benchmark]
    public PassiveAuthenticationResult PassiveAuthentication() => PassiveAuthenticator.Verify(
        new PassiveAuthenticationRequest(_bac.Sod, _bac.DataGroups, _bac.PrintedMrz, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)),
        _bac.TrustList());

    private static Task<ChipReadResult> Read(SimulatedPassport passport, ExtendedLengthMode mode) =>
        new ChipReader(passport.CreateTransport(), new ChipReaderOptions { ExtendedLength = mode }).ReadAsync(passport.AccessKey, default);
}
