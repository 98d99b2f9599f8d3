using PassengerGate.Hardware.Kiosk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Hardware.Simulators.Passengers;

namespace PassengerGate.Hardware.Simulators.Kiosk;

/// <summary>
/// Issues simulated IC passports for the kiosk's simulated hardware, all signed under one test CSCA made
/// at start-up (key generation is slow). The CSCA certificate is written to the file the kiosk names
/// (<c>Kiosk:SimulatedCscaFile</c>) when set, so the service can put it in its trust folder.
/// </summary>
public sealed class SimulatedPassports : IDisposable
{
    private readonly Lazy<TestPki> _pki;

    /// <param name="cscaFile">Where to write the test CSCA's certificate (DER); null or empty: nowhere.</param>
    /// <param name="clock">The test PKI's validity is dated from it.</param>
    public SimulatedPassports(string? cscaFile, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var file = cscaFile;
        _pki = new Lazy<TestPki>(() =>
        {
            var pki = TestPki.Create("UT", clock.GetUtcNow().AddYears(-11));
            if (!string.IsNullOrWhiteSpace(file))
            {
                File.WriteAllBytes(file, pki.CscaCertificate.RawData);
            }

            return pki;
        });
    }

    public TestPki Pki => _pki.Value;

    /// <summary>
    /// A passport for a synthetic passenger. The chip holds the correct MRZ; the printed lines may carry the
    /// passenger's damaged check digit, as a worn data page would.
    /// </summary>
    public PassportPresentation Issue(SyntheticPassenger passenger, byte[]? faceJpeg = null, ChipFaultMode fault = ChipFaultMode.None)
    {
        ArgumentNullException.ThrowIfNull(passenger);
        var correct = SyntheticPassengers.Td3(passenger.Nationality, passenger.Surname, passenger.GivenNames, passenger.DocumentNumber, passenger.DateOfBirth, passenger.Sex, passenger.ExpiryDate);
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Mrz = string.Join('\n', correct),
            FaceImage = faceJpeg,
            Pki = Pki,
            Fault = fault,
            IssuedAt = new DateTimeOffset(passenger.ExpiryDate.AddYears(-10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        });
        return new PassportPresentation(passenger.MrzLines, passport.CreateTransport());
    }

    public void Dispose()
    {
        if (_pki.IsValueCreated)
        {
            _pki.Value.Dispose();
        }
    }
}
