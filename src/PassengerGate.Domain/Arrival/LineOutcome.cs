namespace PassengerGate.Domain.Arrival;

public enum LineOutcome
{
    /// <summary>Wholly within the allowance.</summary>
    Free,

    /// <summary>Its kind totals ≤ ¥10,000 overseas value, so it is left out of the allowance count [S1].</summary>
    LeftOutSmallKind,

    /// <summary>Some or all of it is over the allowance and the simplified duty is computed.</summary>
    Dutiable,

    /// <summary>Over the allowance and outside the simplified rates: an officer assesses it at the general rate.</summary>
    ReferredToOfficer,

    /// <summary>Could not be assessed (e.g. no exchange rate): an error, never a guess.</summary>
    NotAssessed,
}
