namespace PassengerGate.Documents.DutyNotices;

/// <summary>How duty was paid at the counter.</summary>
public enum PaymentMethod
{
    Cash,
    CreditCard,
    ElectronicMoney,
}
