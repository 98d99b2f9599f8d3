namespace PassengerGate.Contracts.Kiosk;

/// <summary>
/// A currency declaration as the traveller is filling it at the kiosk, for the review shown before they submit
/// (decision 0022, "Kiosk screens"): assessed by the service's own rule pack and weekly rates, nothing stored. It names the
/// session, so the draft is read with the bearer of the passport that session verified, exactly as the submission will be.
/// </summary>
public sealed record AssessCurrencyDraft(Guid SessionId, string DeclarationJson);

/// <summary>
/// What the service's assessor says of a draft as of today at the airport: whether the rules require the declaration and
/// the total in the reporting currency. <see cref="Problem"/> is set (and the rest empty) when it cannot be assessed;
/// <see cref="FieldErrors"/> then says where.
/// </summary>
public sealed record CurrencyDraftAssessment(
    bool DeclarationRequired,
    decimal? TotalInReportingCurrency,
    string? ReportingCurrency,
    CurrencyDeclarationProblem? Problem = null,
    IReadOnlyList<DeclarationFieldError>? FieldErrors = null);
