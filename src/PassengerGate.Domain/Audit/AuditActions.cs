namespace PassengerGate.Domain.Audit;

/// <summary>The acts the audit trail records. Names are stable: they are searched and exported.</summary>
public static class AuditActions
{
    public const string SignIn = "staff.sign_in";
    public const string SignInFailed = "staff.sign_in_failed";
    public const string SignOut = "staff.sign_out";
    public const string UserCreated = "user.created";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password_reset";
    public const string CaseDecided = "case.decided";
    public const string CaseClaimed = "case.claimed";
    public const string CaseClaimReleased = "case.claim_released";
    public const string CaseTakenOver = "case.taken_over";
    public const string CaseLineAssessed = "case.line_assessed";
    public const string CasePaymentRecorded = "case.payment_recorded";
    public const string CaseGoodsDetained = "case.goods_detained";
    public const string KioskCommanded = "kiosk.commanded";
    public const string SessionTransition = "session.transition";
    public const string AuditExported = "audit.exported";
}

/// <summary>Who acted: a signed-in staff member, the command line, a kiosk, or the service itself.</summary>
public static class AuditActorKinds
{
    public const string Staff = "staff";
    public const string Cli = "cli";
    public const string Kiosk = "kiosk";
    public const string System = "system";
}
