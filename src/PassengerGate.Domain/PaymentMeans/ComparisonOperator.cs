namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// How an amount is compared with a threshold. It is part of each rule because the laws differ: Japan and the
/// US require a declaration only over the amount, the EU, Australia and New Zealand at the amount or over.
/// </summary>
public enum ComparisonOperator
{
    /// <summary>"over", "exceeding", "more than": the threshold itself does not trigger.</summary>
    GreaterThan,

    /// <summary>"or more", "at least": the threshold itself triggers.</summary>
    GreaterThanOrEqual,
}
