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

    /// <summary>One Document Signer per month of issue, as an issuer rotates its DS key (Doc 9303-12 §7.1): issuing a key and
    /// certificate for every passport cost the load generator more than the service spends verifying it.</summary>
    private readonly Dictionary<(int Year, int Month), DocumentSignerCredential> _signers = [];
    private readonly Lock _signersLock = new();

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
    /// <param name="activeAuthentication">The chip's Active Authentication key: RSA-1024 as many issued passports; ECDSA P-256
    /// where key generation must be cheap (the load generator issues hundreds a second).</param>
    public PassportPresentation Issue(SyntheticPassenger passenger, byte[]? faceJpeg = null, ChipFaultMode fault = ChipFaultMode.None, AaKeyType activeAuthentication = AaKeyType.Rsa1024)
    {
        ArgumentNullException.ThrowIfNull(passenger);
        var correct = SyntheticPassengers.Td3(passenger.Nationality, passenger.Surname, passenger.GivenNames, passenger.DocumentNumber, passenger.DateOfBirth, passenger.Sex, passenger.ExpiryDate);
        var issuedAt = new DateTimeOffset(passenger.ExpiryDate.AddYears(-10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var passport = SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Mrz = string.Join('\n', correct),
            FaceImage = faceJpeg,
            Pki = Pki,
            Fault = fault,
            ActiveAuthentication = activeAuthentication,
            IssuedAt = issuedAt,
            DocumentSigner = SignerFor(issuedAt),
        });
        return new PassportPresentation(passenger.MrzLines, passport.CreateTransport());
    }

    private DocumentSignerCredential SignerFor(DateTimeOffset issuedAt)
    {
        lock (_signersLock)
        {
            if (!_signers.TryGetValue((issuedAt.Year, issuedAt.Month), out var signer))
            {
                // Valid from a month before the first passport it signs until the last one it signs expires (ten years and
                // a month later), with the factory's own margin of three months.
                var month = new DateTimeOffset(issuedAt.Year, issuedAt.Month, 1, 0, 0, 0, TimeSpan.Zero);
                signer = Pki.IssueDocumentSigner(month.AddDays(-30), month.AddMonths(1).AddYears(10).AddMonths(3));
                _signers[(issuedAt.Year, issuedAt.Month)] = signer;
            }

            return signer;
        }
    }

    public void Dispose()
    {
        lock (_signersLock)
        {
            foreach (var signer in _signers.Values)
            {
                signer.Dispose();
            }

            _signers.Clear();
        }

        if (_pki.IsValueCreated)
        {
            _pki.Value.Dispose();
        }
    }
}
