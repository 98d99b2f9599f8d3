namespace PassengerGate.Domain.Risk;

/// <summary>
/// One random-selection draw, with what an auditor needs to recompute it: the seed id, the subject the draw was
/// made on (<see cref="SelectionSubject"/>: document, issuing state, flight and arrival date), the draw value in
/// [0, 1) and the rate it was compared with.
/// </summary>
public sealed record SelectionDraw(string SeedId, string Subject, double Value, double Rate)
{
    public bool Selected => Value < Rate;
}
