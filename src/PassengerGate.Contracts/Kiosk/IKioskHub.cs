namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// What a kiosk may ask of the service. The server's KioskHub implements this interface, so the
/// names the kiosk invokes are checked by the compiler on both sides.
/// Every call carries ids chosen by the kiosk, so a call repeated after a reconnect is answered
/// from what was recorded the first time instead of being processed twice.
/// An arrival session goes: OpenArrivalSession → (RequestChipAuthentication during the chip read) → SubmitDocument → SubmitFaceResult →
/// SubmitDeclaration; any step may end it (red), following <see cref="SessionUpdate.Next"/>.
/// </summary>
public interface IKioskHub
{
    Task<SessionUpdate> OpenArrivalSession(OpenArrivalSession request);

    /// <summary>During the chip read: a Chip Authentication key agreement for the DG14 read, or null when DG14 offers no CA.</summary>
    Task<ChipAuthenticationKeyAgreement?> RequestChipAuthentication(RequestChipAuthentication request);

    Task<SessionUpdate> SubmitDocument(SubmitDocument request);

    Task<SessionUpdate> SubmitFaceResult(SubmitFaceResult request);

    Task<SessionUpdate> SubmitDeclaration(SubmitDeclaration request);

    /// <summary>
    /// At the declaration step, after the face check: the phone pre-declaration of the passport this session verified,
    /// to review, change and certify as a scanned one (decision 0027); nothing when the session is not at that step.
    /// </summary>
    Task<PreDeclarationFound> FindPreDeclaration(FindPreDeclaration request);

    /// <summary>A scanned pre-declaration, reviewed and certified (maybe changed) at the kiosk, in place of <see cref="SubmitDeclaration"/>.</summary>
    Task<SessionUpdate> SubmitEditedPreDeclaration(SubmitEditedPreDeclaration request);

    /// <summary>
    /// A declaration of means of payment (FATF R.32) bound to the passport this session verified: departing, or arriving
    /// after a "yes" to the payment-means question (<see cref="SessionUpdate.CurrencyDeclarationExpected"/>). It does not
    /// move the session; the answer is traveller-safe (decision 0022, "At the kiosk").
    /// </summary>
    Task<CurrencyDeclarationAnswer> SubmitCurrencyDeclaration(SubmitCurrencyDeclaration request);

    /// <summary>
    /// The tax-free export check of the passport this session verified: the traveller's records, the lane and, on green,
    /// the export confirmed (issue 12; decision 0021, "At the kiosk"). It does not move the session.
    /// </summary>
    Task<TaxFreeExportAnswer> CheckTaxFreeExport(CheckTaxFreeExport request);

    /// <summary>The review of a currency declaration being filled at the kiosk: required or not, and the total; stores nothing.</summary>
    Task<CurrencyDraftAssessment> AssessCurrencyDraft(AssessCurrencyDraft request);

    /// <summary>The running assessment of a declaration being filled at the kiosk; stores nothing.</summary>
    Task<DraftAssessment> AssessDeclarationDraft(AssessDeclarationDraft request);

    /// <summary>Yen and the currencies with a customs weekly rate today, for the kiosk's currency picker.</summary>
    Task<DeclarationCurrencies> GetDeclarationCurrencies();

    /// <summary>The passenger walked away or the kiosk timed out: the session ends, never green.</summary>
    Task<SessionUpdate> AbandonSession(AbandonSession request);

    /// <summary>Settings the service hands to kiosks (face threshold, languages).</summary>
    Task<KioskSettings> GetSettings();

    Task Heartbeat(KioskHeartbeat heartbeat);
}
