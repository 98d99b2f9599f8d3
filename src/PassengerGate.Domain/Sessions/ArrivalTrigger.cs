namespace PassengerGate.Domain.Sessions;

/// <summary>What can happen to an arrival session. Stored by name in the transition log.</summary>
public enum ArrivalTrigger
{
    DocumentAccepted,
    DocumentVerified,
    FaceVerified,
    DeclarationBound,
    Release,
    Refer,
    OfficerDecision,
    Close,
    Abandon,
}
