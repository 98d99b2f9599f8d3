namespace PassengerGate.Domain.Documents;

internal enum MrzDateSyntax
{
    Valid,
    Unknown,
    Invalid,
}
