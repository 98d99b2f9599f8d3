namespace PassengerGate.Domain.Risk;

/// <summary>
/// One traveller on a flight's advance passenger information manifest (APIS: carriers send the document data of
/// each passenger before arrival; anchors.md "Risk use of pre-arrival data": Australia's pre-arrival risk
/// assessment, New Zealand's NZTD). <see cref="Flight"/> is canonical (<see cref="FlightNumber.Normalise"/>),
/// <see cref="DocumentNumber"/> normalised, <see cref="Date"/> the scheduled arrival date.
/// </summary>
public sealed record AdvancePassengerRecord(
    string Flight,
    DateOnly Date,
    string Name,
    string DocumentNumber,
    string Nationality,
    string BookingReference);
