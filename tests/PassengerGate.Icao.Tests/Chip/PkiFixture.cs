using PassengerGate.Hardware.Simulators.Chip;

namespace PassengerGate.Icao.Tests.Chip;

/// <summary>One test CSCA shared by a test class: key generation is the slow part of making a passport.</summary>
public sealed class PkiFixture : IDisposable
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    public TestPki Pki { get; } = TestPki.Create("UT", IssuedAt.AddYears(-5));

    public void Dispose() => Pki.Dispose();
}
