namespace PassengerGate.Domain.Currency;

/// <summary>
/// A value converted to yen, or why it could not be. <see cref="Yen"/> is already cut to whole yen by
/// <see cref="YenRounding.ConvertedValue"/>. A missing rate is an error, never a guess.
/// </summary>
public sealed record YenConversion
{
    public required Money Original { get; init; }
    public decimal? Yen { get; init; }
    public ExchangeRate? Rate { get; init; }
    public string? Error { get; init; }
    public bool Succeeded => Yen is not null;
}
