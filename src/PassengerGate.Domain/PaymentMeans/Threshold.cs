using System.Globalization;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>A limit and the comparison that decides whether an amount meets it (both data, never code).</summary>
public sealed record Threshold(decimal Value, ComparisonOperator Operator)
{
    public bool IsMetBy(decimal amount) => Operator switch
    {
        ComparisonOperator.GreaterThan => amount > Value,
        ComparisonOperator.GreaterThanOrEqual => amount >= Value,
        _ => throw new InvalidOperationException($"unknown operator {Operator}"),
    };

    /// <summary>"over 1000000" or "1000000 or more", for reasons shown to staff.</summary>
    public string Describe(string unit) => Operator == ComparisonOperator.GreaterThan
        ? string.Create(CultureInfo.InvariantCulture, $"over {Value:#,0.##} {unit}")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:#,0.##} {unit} or more");
}
