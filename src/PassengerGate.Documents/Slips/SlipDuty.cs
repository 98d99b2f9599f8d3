using System.Globalization;
using PassengerGate.Documents.Layout;
using PassengerGate.Domain.Arrival;

namespace PassengerGate.Documents.Slips;

/// <summary>
/// The duty the service assessed for the traveller's declaration, printed on the slip as an estimate: the customs officer
/// at the counter confirms and collects it (Customs Tariff Law: the simplified rates apply at the officer's assessment).
/// <see cref="Lines"/> are only the lines that owe duty or go to an officer; <see cref="Incomplete"/> marks a floor.
/// </summary>
public sealed record SlipDuty(decimal TotalDutyYen, bool Incomplete, IReadOnlyList<SlipDutyLine> Lines)
{
    /// <summary>The slip's duty section in Japanese and English.</summary>
    public IEnumerable<SlipElement> Content()
    {
        yield return new SlipText("税額（概算） / Duty (estimate)", SlipTextStyle.Heading);
        foreach (var line in Lines)
        {
            var (ja, en) = CategoryWords(line.Category);
            yield return new SlipText($"{ja} / {en}: {line.Description}");
            var quantity = line.DutiableQuantity.ToString("0.##", CultureInfo.InvariantCulture) + " " + line.Unit;
            yield return new SlipText(line.AssessedByOfficer
                ? $"  {quantity}: 税関職員が算定 / assessed by the officer"
                : $"  {quantity}: {Yen(line.DutyYen)}");
        }

        yield return new SlipText($"合計（概算） / Total (estimate): {Yen(TotalDutyYen)}", SlipTextStyle.Heading);
        if (Incomplete || Lines.Any(l => l.AssessedByOfficer))
        {
            yield return new SlipText("一部の品物は検査台で算定します（この額は最低額です）。", SlipTextStyle.Small);
            yield return new SlipText("Some goods are assessed at the counter: this amount is the least you owe.", SlipTextStyle.Small);
        }

        yield return new SlipText("税額は検査台で税関職員が確定します。", SlipTextStyle.Small);
        yield return new SlipText("The customs officer confirms the duty at the counter.", SlipTextStyle.Small);
    }

    /// <summary>Yen with the full-width sign: U+00A5 has no Shift_JIS code of its own, U+FFE5 does (0x818F).</summary>
    public static string Yen(decimal amount) => "￥" + amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static (string Ja, string En) CategoryWords(GoodsCategory category) => category switch
    {
        GoodsCategory.Alcohol => ("酒類", "Alcohol"),
        GoodsCategory.Cigarettes => ("紙巻たばこ", "Cigarettes"),
        GoodsCategory.Cigars => ("葉巻たばこ", "Cigars"),
        GoodsCategory.HeatedTobacco => ("加熱式たばこ", "Heated tobacco"),
        GoodsCategory.OtherTobacco => ("その他のたばこ", "Other tobacco"),
        GoodsCategory.Perfume => ("香水", "Perfume"),
        GoodsCategory.OtherGoods => ("その他の品物", "Other goods"),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "a goods category the slip does not word"),
    };
}

/// <summary>One line over the allowance: <see cref="DutyYen"/> is the simplified duty, or 0 when <see cref="AssessedByOfficer"/>.</summary>
public sealed record SlipDutyLine(GoodsCategory Category, string Description, decimal DutiableQuantity, string Unit, decimal DutyYen, bool AssessedByOfficer);
