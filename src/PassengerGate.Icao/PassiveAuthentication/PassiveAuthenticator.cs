using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PassengerGate.Icao.Lds;

namespace PassengerGate.Icao.PassiveAuthentication;

/// <summary>
/// Passive authentication (Doc 9303-11 §5.1; tech.md §2.5): every supplied data group hashes to its value in the
/// LDS security object; the CMS signature verifies with the embedded document signer; the DSC was signed by a
/// trusted CSCA, is valid at the as-of instant and is not on that CSCA's CRL; DG1 equals the optically read MRZ.
/// Pure: runs on the server over the bytes a kiosk sends.
/// </summary>
public static class PassiveAuthenticator
{
    public static PassiveAuthenticationResult Verify(PassiveAuthenticationRequest request, CscaTrustList trustList)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trustList);

        DocumentSecurityObject sod;
        try
        {
            sod = DocumentSecurityObject.Parse(request.Sod);
        }
        catch (FormatException ex)
        {
            return Fail(PassiveAuthenticationReason.SodMalformed, null, ex.Message);
        }

        var lso = sod.SecurityObject;
        if (lso.HashAlgorithmName is null)
        {
            return Fail(PassiveAuthenticationReason.SodMalformed, null, $"unsupported hash algorithm {lso.HashAlgorithmOid}");
        }

        foreach (var required in request.RequiredDataGroups.Append(1).Distinct().Order())
        {
            if (!request.DataGroups.ContainsKey(required))
            {
                return Fail(PassiveAuthenticationReason.DgMissing, required, $"DG{required} was not supplied");
            }
        }

        foreach (var (number, content) in request.DataGroups.OrderBy(p => p.Key))
        {
            if (!lso.DataGroupHashes.TryGetValue(number, out var signed))
            {
                return Fail(PassiveAuthenticationReason.DgNotInSod, number, $"DG{number} is not listed in the SOD");
            }

            if (!CryptographicOperations.FixedTimeEquals(lso.Hash(content), signed))
            {
                return Fail(PassiveAuthenticationReason.DgHashMismatch, number, $"DG{number} does not hash to its {lso.HashAlgorithmName} value in the SOD");
            }
        }

        var signer = sod.Cms.SignerInfos[0];
        var dsc = signer.Certificate;
        if (dsc is null)
        {
            return Fail(PassiveAuthenticationReason.SignatureInvalid, null, "the SOD carries no document signer certificate");
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            return Fail(PassiveAuthenticationReason.SignatureInvalid, null, ex.Message) with { DocumentSigner = dsc.Subject, HashAlgorithm = lso.HashAlgorithmName };
        }

        var csca = FindIssuer(dsc, trustList);
        if (csca is null)
        {
            return Fail(PassiveAuthenticationReason.UnknownCsca, null, $"no trusted CSCA signed '{dsc.Subject}' (issuer '{dsc.Issuer}')") with { DocumentSigner = dsc.Subject, HashAlgorithm = lso.HashAlgorithmName };
        }

        var found = new PassiveAuthenticationResult(PassiveAuthenticationReason.Ok, null, "")
        {
            DocumentSigner = dsc.Subject,
            CountrySigningCa = csca.Subject,
            HashAlgorithm = lso.HashAlgorithmName,
        };
        var asOf = request.AsOf.UtcDateTime;
        if (asOf < dsc.NotBefore.ToUniversalTime())
        {
            return found with { Reason = PassiveAuthenticationReason.DscNotYetValid, Detail = $"the document signer is valid from {dsc.NotBefore.ToUniversalTime():O}" };
        }

        if (asOf > dsc.NotAfter.ToUniversalTime())
        {
            return found with { Reason = PassiveAuthenticationReason.DscExpired, Detail = $"the document signer expired {dsc.NotAfter.ToUniversalTime():O}" };
        }

        foreach (var crl in trustList.RevocationLists)
        {
            if (crl.IssuerName.AsSpan().SequenceEqual(csca.SubjectName.RawData)
                && SignatureVerifier.VerifySignedStructure(crl.Encoded, csca)
                && crl.IsRevoked(dsc.SerialNumberBytes.Span, request.AsOf))
            {
                return found with { Reason = PassiveAuthenticationReason.DscRevoked, Detail = $"the document signer {dsc.SerialNumber} is on the CSCA's CRL" };
            }
        }

        if (request.OpticalMrz is not null)
        {
            string chipMrz;
            try
            {
                chipMrz = Dg1.ReadMrz(request.DataGroups[1]);
            }
            catch (FormatException ex)
            {
                return found with { Reason = PassiveAuthenticationReason.Dg1MrzMismatch, DataGroup = 1, Detail = ex.Message };
            }

            if (!string.Equals(Dg1.NormalizeMrz(chipMrz), Dg1.NormalizeMrz(request.OpticalMrz), StringComparison.Ordinal))
            {
                return found with { Reason = PassiveAuthenticationReason.Dg1MrzMismatch, DataGroup = 1, Detail = "DG1 differs from the MRZ printed on the data page" };
            }
        }

        return found;
    }

    /// <summary>A CSCA whose subject is the DSC's issuer and whose key verifies the DSC (several may share a name across key rollover).</summary>
    private static X509Certificate2? FindIssuer(X509Certificate2 dsc, CscaTrustList trustList) =>
        trustList.Certificates.FirstOrDefault(c =>
            c.SubjectName.RawData.AsSpan().SequenceEqual(dsc.IssuerName.RawData) && SignatureVerifier.VerifySignedStructure(dsc.RawDataMemory, c));

    private static PassiveAuthenticationResult Fail(PassiveAuthenticationReason reason, int? dataGroup, string detail) => new(reason, dataGroup, detail);
}
