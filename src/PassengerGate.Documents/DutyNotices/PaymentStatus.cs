namespace PassengerGate.Documents.DutyNotices;

public enum PaymentStatus
{
    Unpaid,
    Paid,
}
