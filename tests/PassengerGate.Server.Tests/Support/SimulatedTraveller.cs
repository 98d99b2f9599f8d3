using PassengerGate.Contracts.Kiosk;
using PassengerGate.Hardware.Simulators.Chip;
using PassengerGate.Icao.ActiveAuthentication;
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

    public static SimulatedTraveller Create(TestPki pki, string documentNumber = "TK1234567", ChipFaultMode fault = ChipFaultMode.None) =>
        new(SimulatedPassportFactory.Create(new SimulatedPassportOptions
        {
            Mrz = Td3Mrz.Compose("TANAKA", "HANAKO", documentNumber, "JPN", "900401", 'F', "340331", ""),
            Pki = pki,
            Fault = fault,
        }), documentNumber);

    /// <summary>Reads the chip as a kiosk would and packs what the service needs.</summary>
    public async Task<ChipReading> ReadChipAsync()
    {
        ChipReadResult read;
        try
        {
            read = await new ChipReader(Passport.CreateTransport()).ReadAsync(Passport.AccessKey, default);
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
            read.ActiveAuthentication switch
            {
                ActiveAuthenticationOutcome.Valid => true,
                ActiveAuthenticationOutcome.Invalid => false,
                _ => null,
            });
    }

    /// <summary>A declaration for this traveller (docs/arrival-declaration-schema.md), all answers "no" unless given.</summary>
    public string Declaration(bool goodsOverAllowance = false, bool commercialGoods = false, string goods = "{}") => $$"""
        {
          "schemaVersion": 1,
          "declarant": { "role": "self" },
          "header": { "flightOrVessel": "NH9", "embarkationPoint": "LAX", "arrivalDate": "2026-11-25",
                      "name": "TANAKA HANAKO", "addressInJapan": "Tokyo", "nationality": "JPN",
                      "dateOfBirth": "1990-04-01", "passportNumber": "{{DocumentNumber}}",
                      "family": { "aged20OrOver": 1, "aged6To19": 0, "under6": 0 } },
          "answers": { "prohibitedOrRestricted": false, "goldBullionOrProducts": false, "overDutyFreeAllowance": {{(goodsOverAllowance ? "true" : "false")}},
                       "commercialGoodsOrSamples": {{(commercialGoods ? "true" : "false")}}, "carriedForSomeoneElse": false,
                       "paymentMeansOverThreshold": false, "unaccompaniedBaggage": false },
          "goods": {{goods}}
        }
        """;

    /// <summary>
    /// A matching, live face that answered <paramref name="challenge"/> (null: no challenge answered). The turn and
    /// blink figures are of the synthetic bona fide clips in docs/performance.md, well over FaceOptions' minimums.
    /// </summary>
    public static FaceResult GoodFace(LivenessChallenge? challenge) => new(0.62, 0.38, true, [], true, true, 3, false,
        challenge is null ? null : new ActiveLivenessResult(challenge, challenge.Turn, true, challenge.Turn == LivenessTurn.Left ? 0.5 : -0.5, 0.6, 0.04, 30, null));
}
