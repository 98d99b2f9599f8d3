namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// Where a passenger's session stands. <see cref="Lane"/> is green (e-gate), red (to an officer)
/// or null while undecided; <see cref="Next"/> names the step the kiosk should take next or is null
/// once decided. A kiosk opens the gate only on green from the service. <see cref="Problem"/> is set when the last input was refused without
/// changing the session (e.g. a forged QR): the passenger may try again. <see cref="Reasons"/> are only
/// traveller-safe reasons (the officer gets the full ones in the referral). <see cref="ChipChallenge"/>
/// is set in the answer to OpenArrivalSession: the 8 bytes the kiosk sends to the chip for Active
/// Authentication, fresh per session so a chip response cannot be replayed in another session.
/// <see cref="FieldErrors"/> come with a refused declaration: each field the service would not accept (decision 0017).
/// <see cref="CurrencyDeclarationExpected"/> is true once the arrival declaration answered "yes" to the payment-means
/// question: the kiosk then takes the currency declaration (<see cref="IKioskHub.SubmitCurrencyDeclaration"/>, decision 0022).
/// <see cref="Duty"/> comes with a decided declaration that owes duty or has a line for an officer to assess: the slip prints it.
/// <see cref="Liveness"/> is the active liveness challenge for the face step, set when <see cref="Next"/> is <see cref="SessionStep.Face"/> (decision 0010).
/// </summary>
public sealed record SessionUpdate(Guid SessionId, SessionState State, SessionLane? Lane, IReadOnlyList<TravellerReason> Reasons, SessionStep? Next = null, Reason? Problem = null, long? CaseNumber = null, byte[]? ChipChallenge = null, IReadOnlyList<DeclarationFieldError>? FieldErrors = null, bool CurrencyDeclarationExpected = false, DutyEstimate? Duty = null, LivenessChallenge? Liveness = null);
