using PassengerGate.Icao.ActiveAuthentication;
using PassengerGate.Icao.Apdu;
using PassengerGate.Icao.Bac;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Icao.Crypto;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.Pace;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Hardware.Apdu;

namespace PassengerGate.Icao.Reading;

/// <summary>
/// Reads an eMRTD chip (Doc 9303-11 §4 inspection procedure): EF.CardAccess in the master file decides PACE,
/// otherwise (or if PACE fails) SELECT the eMRTD application and run BAC; then EF.SOD first, the data groups its signed
/// LDS security object lists (not EF.COM's list: EF.COM is unsigned, so a cloned chip could hide DG15 there), and
/// Active Authentication whenever the SOD lists DG15, and last (it replaces the session keys) Chip Authentication with
/// the key agreement a verifier issues for the signed DG14, when the SOD lists DG14 and DG14 offers a CA key.
/// </summary>
public sealed class ChipReader(IApduTransport transport, ChipReaderOptions? options = null, IRandomSource? random = null)
{
    private readonly ChipReaderOptions _options = options ?? new ChipReaderOptions();
    private readonly IRandomSource _random = random ?? SystemRandomSource.Instance;

    public async Task<ChipReadResult> ReadAsync(ChipAccessKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var counting = new CountingApduTransport(transport);
        var channel = new ChipChannel(counting);
        var extended = _options.ExtendedLength switch
        {
            ExtendedLengthMode.Always => true,
            ExtendedLengthMode.Never => false,
            _ => AnswerToReset.SupportsExtendedLength(transport.Atr.Span),
        };
        var plainReader = new ChipFileReader(channel, ChipFileReader.ShortChunk);

        byte[]? cardAccess = null;
        AccessProtocol? protocol = null;
        if (_options.TryPace)
        {
            cardAccess = await TryReadCardAccessAsync(plainReader, ct);
            var pace = cardAccess is null ? null : PaceInfo.Choose(SafeParse(cardAccess));
            if (pace is not null)
            {
                try
                {
                    channel.Session = await new PaceAuthenticator(_random).AuthenticateAsync(channel, pace, key, ct);
                    await SelectApplicationAsync(channel, ct);
                    protocol = AccessProtocol.Pace;
                }
                catch (ChipCommunicationException) when (key.MrzInformation is not null)
                {
                    // Doc 9303-11 §4.2: a terminal that fails PACE may fall back to BAC if the chip supports it.
                    channel.Session = null;
                }
            }
        }

        if (protocol is null)
        {
            if (key.MrzInformation is null)
            {
                throw new ChipCommunicationException("The chip does not offer PACE, and BAC needs the MRZ, not a CAN.");
            }

            await SelectApplicationAsync(channel, ct);
            channel.Session = await new BacAuthenticator(_random).AuthenticateAsync(channel, key.MrzInformation, ct);
            protocol = AccessProtocol.Bac;
        }

        var reader = new ChipFileReader(channel, extended ? _options.ExtendedChunk : ChipFileReader.ShortChunk);
        var sod = await reader.ReadFileAsync(LdsFiles.Sod, ct);
        var signed = DocumentSecurityObject.Parse(sod).SecurityObject.DataGroupHashes.Keys;
        var com = await reader.TryReadFileAsync(LdsFiles.Com, ct) ?? [];
        var groups = new SortedDictionary<int, byte[]>();
        foreach (var dg in signed.Where(dg => dg is not (3 or 4) && (_options.DataGroups is null || _options.DataGroups.Contains(dg))).Order())
        {
            // A listed group the chip does not hold is left out, not fatal: the service then refers for what is missing.
            if (await reader.TryReadFileAsync(LdsFiles.DataGroupFileId(dg), ct) is { } content)
            {
                groups[dg] = content;
            }
        }

        var aa = ActiveAuthenticationExchange.NotPerformed;
        if (_options.PerformActiveAuthentication && signed.Contains(15))
        {
            // Due whenever the SOD lists DG15; without a readable DG15 the exchange records that no signature was obtained.
            aa = await new ActiveAuthenticator(_random).AuthenticateAsync(channel, groups.GetValueOrDefault(15), groups.GetValueOrDefault(14), _options.ActiveAuthenticationChallenge, ct);
        }

        var ca = ChipAuthenticationExchange.NotPerformed;
        if (_options.ChipAuthentication is { } issue && signed.Contains(14) && groups.TryGetValue(14, out var dg14) && OffersChipAuthentication(dg14)
            && await issue(dg14, ct) is { } challenge)
        {
            ca = await ChipAuthenticator.AuthenticateAsync(channel, challenge, ct);
        }

        return new ChipReadResult(protocol.Value, com, groups, sod, cardAccess, aa.Outcome, counting.Count, extended) { ActiveAuthenticationExchange = aa, ChipAuthenticationExchange = ca };
    }

    private static async Task SelectApplicationAsync(ChipChannel channel, CancellationToken ct) =>
        await channel.SendExpectingSuccessAsync(new CommandApdu(0x00, 0xA4, 0x04, 0x0C, LdsFiles.ApplicationId.ToArray(), 0), "SELECT eMRTD application", ct);

    /// <summary>BAC-only chips answer SELECT EF.CardAccess with assorted errors (6A82, 6982, 6D00…): all mean "no PACE".</summary>
    private static async Task<byte[]?> TryReadCardAccessAsync(ChipFileReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.TryReadFileAsync(LdsFiles.CardAccess, ct);
        }
        catch (ChipCommunicationException)
        {
            return null;
        }
    }

    private static bool OffersChipAuthentication(byte[] dg14)
    {
        try
        {
            return ChipAuthenticationInfos.Choose(dg14) is not null;
        }
        catch (FormatException)
        {
            // The verifier judges a malformed signed DG14; the reader only skips CA.
            return false;
        }
    }

    private static IReadOnlyList<SecurityInfo> SafeParse(byte[] cardAccess)
    {
        try
        {
            return SecurityInfos.Parse(cardAccess);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
