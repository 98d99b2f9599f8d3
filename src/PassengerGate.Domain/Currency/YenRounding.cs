namespace PassengerGate.Domain.Currency;

/// <summary>
/// The named ways a yen amount is brought to whole yen. The yen has no minor unit in use, so every
/// amount shown to a passenger or charged is whole yen, and each place that rounds names its rule.
/// </summary>
public static class YenRounding
{
    /// <summary>
    /// A foreign value converted at the customs weekly rate is cut to whole yen. Cutting (not rounding
    /// half up) never pushes a value over an allowance or threshold by a fraction of a yen, so it is the
    /// choice in the traveller's favour; the customs text in our sources does not state the rule.
    /// </summary>
    public static decimal ConvertedValue(decimal yen) => decimal.Floor(yen);

    /// <summary>
    /// Duty (simplified tax) on one goods line is cut to whole yen: the yen has no minor unit and cutting
    /// never charges more than the rate gives. A further cut of tax below ¥100 is not applied because our
    /// sources (reference/domain-japan.md) do not state it for the simplified rates.
    /// </summary>
    public static decimal Duty(decimal yen) => decimal.Floor(yen);
}
