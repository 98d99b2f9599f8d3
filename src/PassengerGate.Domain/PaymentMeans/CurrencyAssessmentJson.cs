using System.Text.Json;
using PassengerGate.Domain.Currency;

namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// The stored form of an assessment (table currency_declarations, decision 0022): everything the assessor decided,
/// with the weekly rate and its week per instrument, so staff and the FIU export see what applied on the day
/// without re-running the rules against a rate table that may since have changed.
/// </summary>
public static class CurrencyAssessmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CurrencyAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return JsonSerializer.Serialize(
            new Stored(
                assessment.Jurisdiction.ToString(),
                assessment.RulePackId,
                assessment.AsOf,
                assessment.DeclarationRequired,
                assessment.DisclosureOnRequest,
                assessment.ReportingCurrency.Value,
                assessment.Total,
                assessment.Threshold.Value,
                CurrencyDeclarationJson.EnumName(assessment.Threshold.Operator),
                assessment.PreciousMetalGrams,
                [.. assessment.RatesUsed.Select(StoredRate.Of)],
                [.. assessment.Instruments.Select(i => new StoredInstrument(
                    i.Path,
                    CurrencyDeclarationJson.EnumName(i.Kind),
                    i.Counted?.Amount,
                    i.Counted?.Currency.Value,
                    i.ReportingValue,
                    i.Rate is { } r ? StoredRate.Of(r) : null))],
                [.. assessment.Reasons.Select(r => new StoredReason(r.Code, r.Text))]),
            Options);
    }

    public static CurrencyAssessment Read(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Options) ?? throw new FormatException("empty assessment");
        return new CurrencyAssessment
        {
            Jurisdiction = Enum.Parse<Jurisdiction>(s.Jurisdiction),
            RulePackId = s.RulePackId,
            AsOf = s.AsOf,
            DeclarationRequired = s.DeclarationRequired,
            DisclosureOnRequest = s.DisclosureOnRequest,
            ReportingCurrency = CurrencyCode.Parse(s.ReportingCurrency),
            Total = s.Total,
            Threshold = new Threshold(s.Threshold, Enum.Parse<ComparisonOperator>(s.ThresholdOperator, ignoreCase: true)),
            PreciousMetalGrams = s.PreciousMetalGrams,
            RatesUsed = [.. s.RatesUsed.Select(r => r.ToRate())],
            Instruments = [.. s.Instruments.Select(i => new AssessedInstrument
            {
                Path = i.Path,
                Kind = Enum.Parse<InstrumentKind>(i.Kind, ignoreCase: true),
                Counted = i.CountedAmount is { } amount && i.CountedCurrency is { } currency ? new Money(amount, CurrencyCode.Parse(currency)) : null,
                ReportingValue = i.ReportingValue,
                Rate = i.Rate?.ToRate(),
            })],
            Reasons = [.. s.Reasons.Select(r => new CurrencyReason(r.Code, r.Text))],
        };
    }

    private sealed record Stored(
        string Jurisdiction,
        string RulePackId,
        DateOnly AsOf,
        bool DeclarationRequired,
        bool DisclosureOnRequest,
        string ReportingCurrency,
        decimal Total,
        decimal Threshold,
        string ThresholdOperator,
        decimal PreciousMetalGrams,
        IReadOnlyList<StoredRate> RatesUsed,
        IReadOnlyList<StoredInstrument> Instruments,
        IReadOnlyList<StoredReason> Reasons);

    private sealed record StoredInstrument(string Path, string Kind, decimal? CountedAmount, string? CountedCurrency, decimal? ReportingValue, StoredRate? Rate);

    private sealed record StoredReason(string Code, string Text);

    private sealed record StoredRate(string Currency, DateOnly ValidFrom, DateOnly ValidTo, decimal YenPerUnit, string Source)
    {
        public static StoredRate Of(ExchangeRate r) => new(r.Currency.Value, r.ValidFrom, r.ValidTo, r.YenPerUnit, r.Source);

        public ExchangeRate ToRate() => new(CurrencyCode.Parse(Currency), ValidFrom, ValidTo, YenPerUnit, Source);
    }
}
