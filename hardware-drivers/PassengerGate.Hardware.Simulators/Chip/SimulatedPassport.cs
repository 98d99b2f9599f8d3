using System.Security.Cryptography.X509Certificates;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>A simulated passport: the printed data page, its chip, and the PKI that signed it.</summary>
public sealed class SimulatedPassport
{
    internal SimulatedPassport(
        string printedMrz,
        SimulatedPassportChip chip,
        X509Certificate2 cscaCertificate,
        X509Certificate2 documentSigner,
        IReadOnlyDictionary<int, byte[]> dataGroups,
        byte[] sod)
    {
        PrintedMrz = printedMrz;
        Chip = chip;
        CscaCertificate = cscaCertificate;
        DocumentSigner = documentSigner;
        DataGroups = dataGroups;
        Sod = sod;
    }

    /// <summary>The MRZ as printed on the data page (two lines separated by a line break).</summary>
    public string PrintedMrz { get; }

    public string MrzInformation => Td3Mrz.MrzInformationOf(PrintedMrz);

    public ChipAccessKey AccessKey => ChipAccessKey.FromMrzInformation(MrzInformation);

    public SimulatedPassportChip Chip { get; }

    /// <summary>The CSCA to trust for this passport (the legitimate one, even in <see cref="ChipFaultMode.UnknownCsca"/>).</summary>
    public X509Certificate2 CscaCertificate { get; }

    public X509Certificate2 DocumentSigner { get; }

    /// <summary>The data groups as stored on the chip (after any tampering).</summary>
    public IReadOnlyDictionary<int, byte[]> DataGroups { get; }

    public byte[] Sod { get; }

    /// <summary>DER bytes of the CSCA certificate, to drop into a trust-list folder as a .cer file.</summary>
    public byte[] ExportCscaCertificate() => CscaCertificate.RawData;

    public CscaTrustList TrustList() => CscaTrustList.FromCertificates([CscaCertificate]);

    public InProcessApduTransport CreateTransport() => new(Chip);
}
