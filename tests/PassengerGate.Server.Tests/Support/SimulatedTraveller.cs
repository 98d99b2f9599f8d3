using Microsoft.AspNetCore.SignalR.Client;
using PassengerGate.Contracts.Kiosk;
using PassengerGate.Icao.ChipAuthentication;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.Lds;
using PassengerGate.Icao.PassiveAuthentication;
using PassengerGate.Icao.Reading;

namespace PassengerGate.Server.Tests.Support;

/// <summary>
/// A traveller with a simulated e-passport, read the way a kiosk reads it: the real ICAO chip
/// reader (BAC/PACE, secure messaging) over an in-process APDU transport to the simulated chip.
/// DG2 is hashed here and left out of what is sent, as the kiosk does.
/// </summary>
public sealed class SimulatedTraveller
{
    private SimulatedTraveller(SimulatedPassport passport, string documentNumber) => (Passport, DocumentNumber) = (passport, documentNumber);

    public SimulatedPassport Passport { get; }

    public string DocumentNumber { get; }

    public IReadOnlyList<string> MrzLines => Passport.PrintedMrz.Split('\n');

    public static SimulatedTraveller Create(TestPki pki, string documentNumber = "TK1234567", ChipFaultMode fault = ChipFaultMode.None, AaKeyType activeAuthentication = AaKeyType.Rsa1024, string? chipAuthentication = ChipAuthenticationInfos.CaEcdhAes128) =>
        new(SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Mrz = Td3Mrz.Compose("TANAKA", "HANAKO", documentNumber, "JPN", "900401", 'F', "340331", ""),
            Pki = pki,
            Fault = fault,
            ActiveAuthentication = activeAuthentication,
            ChipAuthentication = chipAuthentication,
        }), documentNumber);

    /// <summary>
    /// Reads the chip as a kiosk would and packs what the service needs, answering <paramref name="challenge"/>
    /// (the session's, from the open answer) in Active Authentication and, given the kiosk's hub connection, running Chip
    /// Authentication with the key agreement the service issues for <paramref name="sessionId"/>, as the kiosk does.
    /// </summary>
    public async Task<ChipReading> ReadChipAsync(byte[]? challenge, HubConnection? kiosk = null, Guid sessionId = default)
    {
        ChipReadResult read;
        try
        {
            var options = new ChipReaderOptions
            {
                ActiveAuthenticationChallenge = challenge,
                ChipAuthentication = kiosk is null ? null : async (dg14, ct) =>
                    await kiosk.Hub(ct).RequestChipAuthentication(new RequestChipAuthentication(sessionId, dg14)) is { } agreement
                        ? new ChipAuthenticationChallenge(agreement.Protocol, agreement.KeyId, agreement.EphemeralPublicKey, agreement.ProtectedCommands)
                        : null,
            };
            read = await new ChipReader(Passport.CreateTransport(), options).ReadAsync(Passport.AccessKey, default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ChipReading("BAC", [], new Dictionary<int, byte[]>(), null, null, ex.Message);
        }

        var lso = DocumentSecurityObject.Parse(read.Sod).SecurityObject;
        var dg2Hash = read.DataGroups.TryGetValue(2, out var dg2) ? lso.Hash(dg2) : null;
        return new ChipReading(
            read.Protocol.ToString().ToUpperInvariant(),
            read.Sod,
            read.DataGroups.Where(p => p.Key != 2).ToDictionary(p => p.Key, p => p.Value),
            dg2Hash,
            read.ActiveAuthenticationExchange.Signature is { } signature ? new ActiveAuthenticationResponse(read.ActiveAuthenticationExchange.Challenge, signature) : null,
            ChipAuthentication: new ChipAuthenticationResponse(
                read.ChipAuthenticationExchange.Outcome switch
                {
                    ChipAuthenticationOutcome.Performed => ChipAuthenticationResult.Performed,
                    ChipAuthenticationOutcome.Refused => ChipAuthenticationResult.Refused,
                    _ => ChipAuthenticationResult.NotPerformed,
                },
                read.ChipAuthenticationExchange.StatusWord,
                read.ChipAuthenticationExchange.Responses));
    }

    /// <summary>Today at the airport under the real clock (Asia/Tokyo, the service's default): the day a traveller types.</summary>
    public static DateOnly TodayInTokyo => PassengerGate.Domain.Time.AirportDay.Of(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    /// <summary>
    /// A declaration for this traveller (docs/arrival-declaration-schema.md), all answers "no" unless given, for
    /// arrival today in Tokyo unless another day is given.
    /// </summary>
    public string Declaration(bool goodsOverAllowance = false, bool commercialGoods = false, string goods = "{}", DateOnly? arrivalDate = null, string dateOfBirth = "1990-04-01") => $$"""
        {
          "schemaVersion": 1,
          "declarant": { "role": "self" },
          "header": { "flightOrVessel": "NH9", "embarkationPoint": "LAX", "arrivalDate": "{{(arrivalDate ?? TodayInTokyo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}}",
                      "name": "TANAKA HANAKO", "addressInJapan": "Tokyo", "nationality": "JPN",
                      "dateOfBirth": "{{dateOfBirth}}", "passportNumber": "{{DocumentNumber}}",
                      "family": { "aged20OrOver": 1, "aged6To19": 0, "under6": 0 } },
          "answers": { "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": {{(goodsOverAllowance ? "true" : "false")}},
                       "commercialGoodsOrSamples": {{(commercialGoods ? "true" : "false")}}, "carriedForSomeoneElse": false,
                       "paymentMeansOverThreshold": false, "unaccompaniedBaggage": false },
          "goods": {{goods}}
        }
        """;

    /// <summary>
    /// A matching, live face (the passive models say live) that answered <paramref name="challenge"/> (null: no challenge answered, as with Face:ActiveLiveness off). The turn and
    /// blink figures are of the synthetic bona fide clips in docs/performance.md, well over FaceOptions' minimums.
    /// </summary>
    public static FaceResult GoodFace(LivenessChallenge? challenge = null) => new(0.62, 0.38, true, [], true, true, 3, false,
        challenge is null ? null : new ActiveLivenessResult(challenge, challenge.Turn, true, challenge.Turn == LivenessTurn.Left ? 0.5 : -0.5, 0.6, 0.04, 30, null));
}
