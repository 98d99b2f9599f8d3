namespace PassengerGate.Contracts.Officer;

/// <summary>One page of the open cases of the officer's airport, oldest first (the longest wait at the top).
/// Filters are optional: a referral reason code, a flight (as declared) and a minimum wait in minutes.</summary>
public sealed record QueuePageRequest(int Page, int PageSize, string? ReasonCode, string? Flight, int? MinWaitMinutes);

/// <summary>The page asked for and how many open cases match the filters in all.</summary>
public sealed record QueuePage(int Page, int PageSize, int Total, IReadOnlyList<QueueEntry> Entries);

/// <summary>A case in the queue: the referral, the declared flight, and who holds it (null: nobody).</summary>
public sealed record QueueEntry(ReferralNotice Referral, string? Flight, string? ClaimedBy, DateTimeOffset? ClaimedAt);

/// <summary>Who holds a case now; pushed to every console of the airport when it changes.</summary>
public sealed record CaseClaim(long CaseNumber, string? ClaimedBy, DateTimeOffset? ClaimedAt);
