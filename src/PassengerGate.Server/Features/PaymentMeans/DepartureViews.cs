using System.Globalization;
using PassengerGate.Contracts.Departure;
using PassengerGate.Data.PaymentMeans;
using PassengerGate.Domain.PaymentMeans;

namespace PassengerGate.Server.Features.PaymentMeans;

/// <summary>Stored declarations as the departure console shows them, with the count against what was declared.</summary>
public static class DepartureViews
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static string Number(long id) => CurrencyDeclarationStore.Number(id);

    public static bool TryParseNumber(string? number, out long id)
    {
        id = 0;
        return number is not null && number.StartsWith("CD-", StringComparison.Ordinal)
            && long.TryParse(number.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    public static string RetentionReceiptPath(long id) => string.Create(CultureInfo.InvariantCulture, $"/api/currency/declarations/{id}/retention-receipt.pdf");

    public static string TravellerCopyPath(long id) => string.Create(CultureInfo.InvariantCulture, $"/api/currency/declarations/{id}/copy.pdf");

    public static DepartureDeclarationView View(CurrencyDeclarationStore.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var assessment = row.ReadAssessment();
        var counted = CountedOf(row);
        var count = counted is null ? null : CountComparison.Compare(assessment, counted);
        return new DepartureDeclarationView(
            row.Id,
            Number(row.Id),
            row.Channel,
            row.Direction,
            row.Jurisdiction,
            row.DeclarationDate,
            row.Flight,
            row.BookingReference,
            row.BearerName,
            row.BearerNationality,
            row.BearerDocumentNumber,
            row.ReportingCurrency,
            row.Total,
            row.Threshold,
            row.OverThreshold,
            Enum.Parse<DepartureDeclarationStatus>(row.Status, ignoreCase: true),
            [.. assessment.Instruments.Select(i =>
            {
                var line = count?.Lines.FirstOrDefault(l => l.Path == i.Path);
                return new DeclaredInstrumentView(
                    i.Path,
                    CurrencyDeclarationJson.EnumName(i.Kind),
                    i.Counted?.Currency.Value,
                    i.Counted?.Amount,
                    i.ReportingValue,
                    i.Rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.ValidFrom:yyyy-MM-dd}/{r.ValidTo:yyyy-MM-dd}") : null,
                    line?.Counted,
                    line?.Difference);
            })],
            count?.CountedTotal,
            count?.Difference,
            row.CaseOrigin,
            row.CaseIntendedUse,
            row.RestrainedAmount,
            row.ReleasedAt is not null,
            row.RestrainedAt is not null ? RetentionReceiptPath(row.Id) : null,
            TravellerCopyPath(row.Id));
    }

    public static IReadOnlyList<CountedInstrument>? CountedOf(CurrencyDeclarationStore.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Counted is null
            ? null
            : System.Text.Json.JsonSerializer.Deserialize<List<CountedInstrument>>(row.Counted, Json);
    }

    public static ScreenedDeclaration? Screened(CurrencyDeclarationStore.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ReadDeclaration() is { } declaration ? new ScreenedDeclaration(Number(row.Id), declaration, row.ReadAssessment()) : null;
    }
}
