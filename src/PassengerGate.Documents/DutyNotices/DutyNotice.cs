using PassengerGate.Domain.Arrival;

namespace PassengerGate.Documents.DutyNotices;

/// <summary>
/// What the duty notice is printed from: the assessment as the domain made it, the numbers that identify the
/// notice and the case, when it was issued (printed with the offset it carries) and the payment received, or null
/// while nothing has been paid.
/// </summary>
public sealed record DutyNotice(string NoticeNumber, string CaseNumber, DateTimeOffset IssuedAt, ArrivalAssessment Assessment, DutyPayment? Payment);
