using PassengerGate.Hardware.Simulators.Chip;

namespace PassengerGate.Hardware.Simulators.Passengers;

/// <summary>
/// What kind of traveller a synthetic run-mode passenger is, so the officer console sees every kind
/// of case: pre-declared on the phone (QR) or declared at the kiosk, dutiable goods, a "yes" answer,
/// a flagged route (risk rule), a document on the sample watchlist, a chip that fails verification
/// (each simulator fault mode), and a face that does not match.
/// </summary>
public sealed record SimulatedProfile(string Name, bool PreDeclared, string Goods, bool CommercialGoods, string Flight, string Embarkation, string? DocumentNumber, ChipFaultMode Fault, bool FaceMatches)
{
    private const string NoGoods = "{}";

    /// <summary>Five bottles of wine: two over the three-bottle allowance (DOMAIN.md §1), so duty is due.</summary>
    private const string DutiableGoods = """{ "alcohol": [ { "kind": "wineBeerOther", "bottles": 5, "volumeMlPerBottle": 750 } ] }""";

    public static SimulatedProfile NothingToDeclare { get; } = new("nothing to declare", false, NoGoods, false, "NH9", "LAX", null, ChipFaultMode.None, true);

    /// <summary>Picks a profile; about half the passengers are ordinary (green unless randomly selected).</summary>
    public static SimulatedProfile Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.Next(100);
        return roll switch
        {
            < 25 => NothingToDeclare,
            < 50 => NothingToDeclare with { Name = "pre-declared", PreDeclared = true },
            < 60 => NothingToDeclare with { Name = "dutiable", Goods = DutiableGoods, PreDeclared = roll % 2 == 0 },
            < 66 => NothingToDeclare with { Name = "commercial goods", CommercialGoods = true },
            // The sample rules flag flight ZZ901 from UTOPIA CITY for travellers who declare nothing.
            < 74 => NothingToDeclare with { Name = "flagged route", Flight = "ZZ901", Embarkation = "UTOPIA CITY" },
            // A document number on the SAMPLE watchlist (deploy/sample-data/watchlist.csv).
            < 76 => NothingToDeclare with { Name = "watchlisted document", DocumentNumber = "ZZ0000039" },
            // NH110 has an advance passenger manifest loaded (sample data) that does not list synthetic travellers.
            < 78 => NothingToDeclare with { Name = "not on the manifest", Flight = "NH110" },
            < 90 => NothingToDeclare with { Name = "chip fault", Fault = (ChipFaultMode)(1 + random.Next(Enum.GetValues<ChipFaultMode>().Length - 1)) },
            _ => NothingToDeclare with { Name = "face mismatch", FaceMatches = false },
        };
    }
}
