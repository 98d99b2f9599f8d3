namespace PassengerGate.Server.Features.Arrival;

/// <summary>
/// The codes the arrival steps write (SubmitDocumentHandler, SubmitFaceResultHandler, the session's own), as
/// <see cref="TravellerReasons"/> knows them. The handlers write the same text; ArrivalFlowTests and SkeletonLoopTests
/// catch a drift, since a code unknown here would reach the kiosk only as the generic reason.
/// </summary>
public static class ArrivalStepCodes
{
    public const string MrzCheckDigit = "MRZ_CHECK_DIGIT";
    public const string MrzUnreadable = "MRZ_UNREADABLE";
    public const string DocumentExpired = "DOCUMENT_EXPIRED";
    public const string DocumentNotChip = "DOCUMENT_NOT_CHIP";
    public const string ChipReadFailed = "CHIP_READ_FAILED";

    /// <summary>Prefix of passive-authentication failures (PA_ + PassiveAuthenticationResult.Code).</summary>
    public const string PassiveAuthenticationPrefix = "PA_";

    /// <summary>Active authentication failed (a wrong signature): possibly a cloned chip. Officer-only: the traveller learns nothing of the suspicion.</summary>
    public const string ChipActiveAuthenticationFailed = "CHIP_AA_FAILED";

    /// <summary>The signed EF.SOD lists DG15 but no chip signature arrived: possibly a clone hiding AA. Officer-only.</summary>
    public const string ChipActiveAuthenticationMissing = "CHIP_AA_MISSING";

    /// <summary>Chip Authentication answers do not verify under the keys agreed with the signed DG14 key: possibly a cloned chip. Officer-only.</summary>
    public const string ChipAuthenticationFailed = "CHIP_CA_FAILED";

    /// <summary>The signed DG14 offers Chip Authentication but no verifiable answer arrived: possibly a clone refusing CA. Officer-only.</summary>
    public const string ChipAuthenticationMissing = "CHIP_CA_MISSING";

    public const string FaceNotReported = "FACE_NOT_REPORTED";
    public const string FaceQuality = "FACE_QUALITY";
    public const string FaceNotMatched = "FACE_NOT_MATCHED";
    public const string LivenessFailed = "LIVENESS_FAILED";

    /// <summary>The active liveness challenge (head turn the service chose, and a blink) was not seen: a photo or screen, or a passenger who did not follow it (decision 0010).</summary>
    public const string FaceLivenessFailed = "FACE_LIVENESS_FAILED";
    public const string HeightNotReported = "HEIGHT_NOT_REPORTED";
    public const string ChildBelowHeight = "CHILD_BELOW_HEIGHT";
    public const string InternalError = "INTERNAL_ERROR";
    public const string SessionAbandoned = "SESSION_ABANDONED";
    public const string SessionTimeout = "SESSION_TIMEOUT";

    /// <summary>Prefix of an officer's decision on the case (ArrivalSession.Decide). Officer-only.</summary>
    public const string OfficerDecisionPrefix = "OFFICER_";
}
