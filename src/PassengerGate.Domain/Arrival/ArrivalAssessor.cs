using System.Globalization;
using PassengerGate.Domain.Currency;
using PassengerGate.Domain.Risk;

namespace PassengerGate.Domain.Arrival;

/// <summary>
/// Allowances and simplified duty for one traveller's declaration (DOMAIN.md §1; domain-japan.md
/// §1.3–1.4). Pure: the rules and the weekly rates are data, the date is a parameter. Rules and rates
/// are taken as of <c>asOf</c> (the declaration date); age is counted on the arrival date.
/// </summary>
public static class ArrivalAssessor
{
    public static ArrivalAssessment Assess(ArrivalDeclaration declaration, ArrivalRuleBook rules, CustomsRateTable rates, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rates);
        var age = AgeOn(declaration.Header.DateOfBirth, declaration.Header.ArrivalDate);
        var reasons = new List<ReferralReason>();
        AddDeclarationReasons(declaration, reasons);

        var selection = rules.Select(asOf);
        if (selection.Rules is not { } r)
        {
            reasons.AddRange(selection.Errors.Select(e => new ReferralReason(ReferralCodes.InternalError, "no rule to assess by: " + e)));
            return new ArrivalAssessment { AsOf = asOf, AgeOnArrival = age, Lines = [], Reasons = reasons, RulesApplied = [], Incomplete = true };
        }

        var lines = new List<AssessedLine>();
        lines.AddRange(AssessAlcohol(declaration.Goods, r, age));
        lines.AddRange(AssessTobacco(declaration, r, age));
        lines.AddRange(AssessPerfume(declaration.Goods, r, age));
        var otherGoods = AssessOtherGoods(declaration.Goods, r, rates, asOf, age);
        lines.AddRange(otherGoods.Lines);
        if (otherGoods.TooLarge)
        {
            reasons.Add(new ReferralReason(ReferralCodes.OfficerAssessment, "too many articles to choose the free subset exactly here: an officer assesses the other goods", "$.goods.otherGoods"));
        }

        var totalDuty = lines.Sum(l => l.Duty.Amount);
        var over = lines.Where(l => l.DutiableQuantity > 0).ToList();
        if (over.Count > 0)
        {
            reasons.Add(new ReferralReason(ReferralCodes.OverAllowance, "goods over the duty-free allowance: " + string.Join(", ", over.Select(l => l.Description))));
        }

        if (totalDuty > 0)
        {
            reasons.Add(new ReferralReason(ReferralCodes.DutyDue, Inv($"duty due: {YenText(totalDuty)} at simplified rates")));
        }

        foreach (var line in lines.Where(l => l.Outcome == LineOutcome.ReferredToOfficer))
        {
            reasons.Add(new ReferralReason(ReferralCodes.OfficerAssessment, $"{line.Description}: {line.Reason}", line.Path));
        }

        foreach (var line in lines.Where(l => l.Outcome == LineOutcome.NotAssessed))
        {
            reasons.Add(new ReferralReason(ReferralCodes.ExchangeRateMissing, $"{line.Description}: {line.Reason}", line.Path));
        }

        return new ArrivalAssessment
        {
            AsOf = asOf,
            AgeOnArrival = age,
            Lines = lines,
            TotalDuty = Money.Yen(totalDuty),
            OtherGoodsAllowanceUsedYen = otherGoods.Lines.Sum(l => l.AllowanceUsedYen),
            OverAllowance = over.Count > 0,
            Reasons = reasons,
            RulesApplied = [.. r.All.Select(x => $"{x.Id} ({x.Source}){(x.Confirmed ? "" : " [unconfirmed]")}")],
            Incomplete = otherGoods.Lines.Any(l => l.Outcome == LineOutcome.NotAssessed) || otherGoods.TooLarge,
        };
    }

    /// <summary>Completed years on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    private static void AddDeclarationReasons(ArrivalDeclaration d, List<ReferralReason> reasons)
    {
        var a = d.Answers;
        void Yes(bool answer, string code, string field, string text)
        {
            if (answer)
            {
                reasons.Add(new ReferralReason(code, "answered yes: " + text, "$.answers." + field));
            }
        }

        Yes(a.ProhibitedOrRestricted, ReferralCodes.DeclaredProhibitedOrRestricted, "prohibitedOrRestricted", "prohibited or restricted articles");
        Yes(a.GoldBullionOrProducts, ReferralCodes.DeclaredGold, "goldBullionOrProducts", "gold bullion or gold products");
        Yes(a.OverDutyFreeAllowance, ReferralCodes.DeclaredOverAllowance, "overDutyFreeAllowance", "goods over the duty-free allowance");
        Yes(a.CommercialGoodsOrSamples, ReferralCodes.DeclaredCommercialGoods, "commercialGoodsOrSamples", "commercial goods or samples");
        Yes(a.CarriedForSomeoneElse, ReferralCodes.DeclaredCarriedForSomeoneElse, "carriedForSomeoneElse", "items carried for someone else");
        Yes(a.PaymentMeansOverThreshold, ReferralCodes.DeclaredPaymentMeans, "paymentMeansOverThreshold", "means of payment over ¥1,000,000 or precious metals over 1 kg (a separate payment-means declaration is required)");
        Yes(a.UnaccompaniedBaggage, ReferralCodes.DeclaredUnaccompaniedBaggage, "unaccompaniedBaggage", "unaccompanied baggage");
        if (d.UnaccompaniedPackages > 0)
        {
            // domain-japan.md §1.1 [S7][S8] and §1.5 [S13]: two copies, cleared within 6 months; not e-gate eligible.
            reasons.Add(new ReferralReason(
                ReferralCodes.UnaccompaniedBaggage,
                Inv($"{d.UnaccompaniedPackages} unaccompanied package(s): declare on entry in two copies, clear by {d.Header.ArrivalDate.AddMonths(6):yyyy-MM-dd}; not eligible for the e-gate"),
                "$.unaccompaniedPackages"));
        }
    }

    private static IEnumerable<AssessedLine> AssessAlcohol(DeclaredGoods goods, ArrivalRules r, int age)
    {
        var allowance = r.Allowance;
        var eligible = age >= allowance.MinimumAgeAlcoholTobacco;
        var bottles = goods.Alcohol
            .SelectMany((line, index) => Enumerable.Range(0, line.Bottles).Select(_ => (Index: index, Line: line)))
            .Select(b => (b.Index, Equivalents: (int)Math.Ceiling(b.Line.VolumeMlPerBottle / (decimal)allowance.AlcoholBottleMl), Tax: b.Line.VolumeMlPerBottle / 1000m * r.Rates.AlcoholYenPerLitre.For(b.Line.Kind)))
            .OrderByDescending(b => b.Tax / b.Equivalents)
            .ThenBy(b => b.Index)
            .ToList();

        // The allowance goes to the bottles taxed most per allowance bottle (in the traveller's favour).
        var left = eligible ? allowance.AlcoholBottles : 0;
        var free = new int[goods.Alcohol.Count];
        foreach (var bottle in bottles)
        {
            if (bottle.Equivalents <= left)
            {
                free[bottle.Index]++;
                left -= bottle.Equivalents;
            }
        }

        for (var i = 0; i < goods.Alcohol.Count; i++)
        {
            var line = goods.Alcohol[i];
            var rate = r.Rates.AlcoholYenPerLitre.For(line.Kind);
            var dutiable = line.Bottles - free[i];
            var litres = dutiable * line.VolumeMlPerBottle / 1000m;
            var duty = YenRounding.Duty(litres * rate);
            var why = !eligible
                ? Inv($"no alcohol allowance under {allowance.MinimumAgeAlcoholTobacco} (age {age}) [{allowance.Id}]")
                : Inv($"{free[i]} of {line.Bottles} within the allowance of {allowance.AlcoholBottles} bottles of ~{allowance.AlcoholBottleMl} ml [{allowance.Id}]");
            if (dutiable > 0)
            {
                why += Inv($"; {dutiable} bottle(s) × {line.VolumeMlPerBottle} ml = {litres} ℓ × ¥{rate}/ℓ = {YenText(duty)} (cut to whole yen)");
            }

            yield return new AssessedLine
            {
                Path = Inv($"$.goods.alcohol[{i}]"),
                Category = GoodsCategory.Alcohol,
                Description = Inv($"{DeclarationJson.EnumName(line.Kind)} {line.VolumeMlPerBottle} ml"),
                Unit = "bottle",
                Quantity = line.Bottles,
                FreeQuantity = free[i],
                DutiableQuantity = dutiable,
                RateApplied = Inv($"¥{rate}/ℓ [{r.Rates.Id}]"),
                Duty = Money.Yen(duty),
                Outcome = dutiable == 0 ? LineOutcome.Free : LineOutcome.Dutiable,
                Reason = why,
            };
        }
    }

    private static IEnumerable<AssessedLine> AssessTobacco(ArrivalDeclaration declaration, ArrivalRules r, int age)
    {
        var goods = declaration.Goods;
        var allowance = r.Allowance;
        var eligible = age >= allowance.MinimumAgeAlcoholTobacco;
        var multiplier = declaration.Header.ResidentOfJapan == false ? r.TobaccoResidence.NonResidentMultiplier : 1;
        var heatedRate = goods.HeatedTobacco.Unit == HeatedTobaccoUnit.Stick ? r.Rates.HeatedTobaccoYenPerStick : r.Rates.HeatedTobaccoYenPerCapsule;
        var heatedUnit = DeclarationJson.EnumName(goods.HeatedTobacco.Unit);
        var kinds = new List<TobaccoKind>
        {
            new(GoodsCategory.Cigarettes, "$.goods.cigarettes", "cigarettes", "cigarette", goods.Cigarettes, allowance.Cigarettes * multiplier, r.Rates.CigaretteYenEach, Inv($"¥{r.Rates.CigaretteYenEach} each")),
            new(GoodsCategory.Cigars, "$.goods.cigars", "cigars", "cigar", goods.Cigars, allowance.Cigars * multiplier, null, "no simplified rate for cigars in the table"),
            new(GoodsCategory.HeatedTobacco, "$.goods.heatedTobacco", "heated tobacco", "pack", goods.HeatedTobacco.Packs, allowance.HeatedTobaccoPacks * multiplier, heatedRate * goods.HeatedTobacco.UnitsPerPack, heatedRate is { } hr ? Inv($"¥{hr} per {heatedUnit} × {goods.HeatedTobacco.UnitsPerPack} per pack") : $"no simplified rate for heated tobacco ({heatedUnit}) in the table"),
            new(GoodsCategory.OtherTobacco, "$.goods.otherTobaccoGrams", "other tobacco", "g", goods.OtherTobaccoGrams, allowance.OtherTobaccoGrams * multiplier, null, "other tobacco is excluded from simplified rates (domain-japan.md §1.4 [S3])"),
        };

        // One allowance shared by all kinds (UNCONFIRMED conversion, kept as data: AllowanceRule.TobaccoMixing).
        // It goes first to kinds an officer would otherwise have to assess, then to the most tax per share.
        var share = eligible ? 1m : 0m;
        var free = new Dictionary<GoodsCategory, int>();
        foreach (var kind in kinds.Where(k => k.Quantity > 0).OrderBy(k => k.TaxPerUnit is null ? 0 : 1).ThenByDescending(k => (k.TaxPerUnit ?? 0) * k.Capacity))
        {
            var room = kind.Capacity == 0 ? 0 : (int)decimal.Floor(share * kind.Capacity);
            var take = Math.Min(kind.Quantity, room);
            free[kind.Category] = take;
            share -= kind.Capacity == 0 ? 0 : take / (decimal)kind.Capacity;
        }

        foreach (var kind in kinds.Where(k => k.Quantity > 0))
        {
            var freeCount = free[kind.Category];
            var dutiable = kind.Quantity - freeCount;
            var why = !eligible
                ? Inv($"no tobacco allowance under {allowance.MinimumAgeAlcoholTobacco} (age {age}) [{allowance.Id}]")
                : Inv($"{freeCount} of {kind.Quantity} within the tobacco allowance ({kind.Capacity} {kind.Unit} alone; kinds share one allowance, conversion unconfirmed) [{allowance.Id}, {r.TobaccoResidence.Id}]");
            var outcome = LineOutcome.Free;
            var duty = 0m;
            if (dutiable > 0 && kind.TaxPerUnit is { } tax)
            {
                duty = YenRounding.Duty(dutiable * tax);
                why += Inv($"; {dutiable} {kind.Unit} × {kind.RateText} = {YenText(duty)}");
                outcome = LineOutcome.Dutiable;
            }
            else if (dutiable > 0)
            {
                why += Inv($"; {dutiable} {kind.Unit} over: {kind.RateText}, an officer assesses at the general rate");
                outcome = LineOutcome.ReferredToOfficer;
            }

            yield return new AssessedLine
            {
                Path = kind.Path,
                Category = kind.Category,
                Description = kind.Description,
                Unit = kind.Unit,
                Quantity = kind.Quantity,
                FreeQuantity = freeCount,
                DutiableQuantity = dutiable,
                RateApplied = kind.TaxPerUnit is null ? null : $"{kind.RateText} [{r.Rates.Id}]",
                Duty = Money.Yen(duty),
                Outcome = outcome,
                Reason = why,
            };
        }
    }

    private static IEnumerable<AssessedLine> AssessPerfume(DeclaredGoods goods, ArrivalRules r, int age)
    {
        if (goods.PerfumeMl <= 0)
        {
            yield break;
        }

        var allowance = r.Allowance;
        // Under 6 only items clearly for the child get an allowance [S1]; perfume is not taken to be one.
        var limit = age < allowance.ChildAgeBelow ? 0m : allowance.PerfumeMl;
        var free = Math.Min(goods.PerfumeMl, limit);
        var over = goods.PerfumeMl - free;
        yield return new AssessedLine
        {
            Path = "$.goods.perfumeMl",
            Category = GoodsCategory.Perfume,
            Description = "perfume",
            Unit = "ml",
            Quantity = goods.PerfumeMl,
            FreeQuantity = free,
            DutiableQuantity = over,
            Outcome = over > 0 ? LineOutcome.ReferredToOfficer : LineOutcome.Free,
            Reason = over > 0
                ? Inv($"{over} ml over the allowance of {limit} ml (2 oz) [{allowance.Id}]; the form records volume, not value, so an officer values and assesses it")
                : Inv($"within the allowance of {limit} ml (2 oz) [{allowance.Id}]"),
        };
    }

    private static (IReadOnlyList<AssessedLine> Lines, bool TooLarge) AssessOtherGoods(DeclaredGoods goods, ArrivalRules r, CustomsRateTable rates, DateOnly asOf, int age)
    {
        var allowance = r.Allowance;
        var table = r.Rates;
        var child = age < allowance.ChildAgeBelow;
        var valued = new List<ValuedLine>();
        var result = new AssessedLine?[goods.OtherGoods.Count];
        for (var i = 0; i < goods.OtherGoods.Count; i++)
        {
            var line = goods.OtherGoods[i];
            var path = Inv($"$.goods.otherGoods[{i}]");
            var articleMoney = line.IsSet ? line.UnitRetailValue with { Amount = line.UnitRetailValue.Amount * line.Quantity } : line.UnitRetailValue;
            var conversion = rates.ToYen(articleMoney, asOf);
            if (conversion.Yen is not { } articleYen)
            {
                result[i] = new AssessedLine
                {
                    Path = path,
                    Category = GoodsCategory.OtherGoods,
                    Description = line.Description,
                    Unit = line.IsSet ? "set" : "article",
                    Quantity = line.IsSet ? 1 : line.Quantity,
                    Outcome = LineOutcome.NotAssessed,
                    Reason = conversion.Error + ": the line is not assessed and the traveller goes to an officer",
                };
                continue;
            }

            var articleCount = line.IsSet ? 1 : line.Quantity;
            valued.Add(new ValuedLine(i, line, path, articleCount, articleYen, conversion.Rate, Eligible: !child || line.ForChild));
        }

        // Kinds whose overseas total is ≤ ¥10,000 are left out of the allowance count [S1].
        var kindTotals = valued.Where(v => v.Eligible)
            .GroupBy(v => v.KindKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.LineYen), StringComparer.Ordinal);
        bool IsSmallKind(ValuedLine v) => v.Eligible && kindTotals[v.KindKey] <= allowance.SmallKindYen;

        // The knapsack runs over articles that could be free: eligible, not left out, and each ≤ ¥200,000
        // (a single article or set above it gets no allowance at all [S1][S2]).
        var articles = valued
            .Where(v => v.Eligible && !IsSmallKind(v) && v.ArticleYen <= allowance.OtherGoodsYen)
            .SelectMany(v => Enumerable.Range(0, v.Articles).Select(_ => v))
            .ToList();
        var chosen = FreeSubsetChooser.Choose(
            [.. articles.Select(v => (long)v.ArticleYen)],
            [.. articles.Select(v => v.ArticleYen * r.CustomsValue.FactorOfRetail * table.OtherGoodsRate)],
            [.. articles.Select(v => v.ReferredIfDutiable(table))],
            (long)allowance.OtherGoodsYen);
        var tooLarge = chosen is null;
        var freeArticles = new Dictionary<int, int>();
        for (var j = 0; chosen is not null && j < articles.Count; j++)
        {
            if (chosen[j])
            {
                freeArticles[articles[j].Index] = freeArticles.GetValueOrDefault(articles[j].Index) + 1;
            }
        }

        foreach (var v in valued)
        {
            var unit = v.Line.IsSet ? "set" : "article";
            var description = v.Line.IsSet ? Inv($"{v.Line.Description} (set of {v.Line.Quantity})") : v.Line.Description;
            var basis = Inv($"overseas value {v.Articles} × {YenText(v.ArticleYen)} = {YenText(v.LineYen)}");
            if (v.ExchangeRate is { } rate)
            {
                basis += Inv($" ({v.Line.UnitRetailValue} at ¥{rate.YenPerUnit} per {rate.Currency}, weekly rate from {rate.ValidFrom:yyyy-MM-dd}, cut to whole yen)");
            }

            AssessedLine line;
            if (IsSmallKind(v))
            {
                line = Line(v, unit, description, free: v.Articles, LineOutcome.LeftOutSmallKind, Inv($"{basis}; its kind totals {YenText(kindTotals[v.KindKey])} ≤ {YenText(allowance.SmallKindYen)}, so it is left out [{allowance.Id}]"));
            }
            else
            {
                var free = tooLarge ? 0 : freeArticles.GetValueOrDefault(v.Index);
                var dutiable = v.Articles - free;
                string why;
                if (!v.Eligible)
                {
                    why = Inv($"{basis}; a child under {allowance.ChildAgeBelow} gets an allowance only for items clearly for the child, and this is not marked for the child [{allowance.Id}]");
                }
                else if (v.ArticleYen > allowance.OtherGoodsYen)
                {
                    why = Inv($"{basis}; one {unit} over {YenText(allowance.OtherGoodsYen)} gets no allowance and is taxed on its full value [{allowance.Id}]");
                }
                else if (tooLarge)
                {
                    why = $"{basis}; too many articles to choose the free subset exactly here";
                }
                else
                {
                    why = Inv($"{basis}; {free} of {v.Articles} {unit}(s) inside the {YenText(allowance.OtherGoodsYen)} allowance, chosen to leave the least tax [{allowance.Id}]");
                }

                line = Line(v, unit, description, free, dutiable == 0 ? LineOutcome.Free : LineOutcome.Dutiable, why);
                if (dutiable > 0)
                {
                    line = Dutiable(line, v, dutiable, r, tooLarge);
                }
            }

            result[v.Index] = line;
        }

        return ([.. result.Select(l => l!)], tooLarge);
    }

    private static AssessedLine Line(ValuedLine v, string unit, string description, int free, LineOutcome outcome, string why) => new()
    {
        Path = v.Path,
        Category = GoodsCategory.OtherGoods,
        Description = description,
        Unit = unit,
        Quantity = v.Articles,
        FreeQuantity = free,
        DutiableQuantity = v.Articles - free,
        OverseasValueYen = v.LineYen,
        ExchangeRate = v.ExchangeRate,
        AllowanceUsedYen = outcome == LineOutcome.LeftOutSmallKind ? 0 : free * v.ArticleYen,
        Outcome = outcome,
        Reason = why,
    };

    private static AssessedLine Dutiable(AssessedLine line, ValuedLine v, int dutiable, ArrivalRules r, bool tooLarge)
    {
        var table = r.Rates;
        var dutiableValue = dutiable * v.ArticleYen;
        if (tooLarge || v.ReferredIfDutiable(table))
        {
            var cause = tooLarge ? "the free subset was not chosen here"
                : v.Line.Exclusion is { } exclusion ? $"{DeclarationJson.EnumName(exclusion)} is excluded from simplified rates (domain-japan.md §1.4 [S3])"
                : Inv($"one {line.Unit} over {YenText(table.ArticleOrSetLimitYen)} is excluded from simplified rates (domain-japan.md §1.4 [S3], older text)");
            return line with
            {
                DutiableValueYen = dutiableValue,
                Outcome = LineOutcome.ReferredToOfficer,
                Reason = Inv($"{line.Reason}; dutiable overseas value {YenText(dutiableValue)}: {cause}, so an officer assesses it at the general rate"),
            };
        }

        var customsValue = dutiableValue * r.CustomsValue.FactorOfRetail;
        var duty = YenRounding.Duty(customsValue * table.OtherGoodsRate);
        return line with
        {
            DutiableValueYen = dutiableValue,
            CustomsValueYen = customsValue,
            RateApplied = Inv($"{table.OtherGoodsRate * 100m:0.##} % of customs value ({r.CustomsValue.FactorOfRetail * 100m:0.##} % of overseas retail) [{table.Id}, {r.CustomsValue.Id}]"),
            Duty = Money.Yen(duty),
            Reason = Inv($"{line.Reason}; dutiable {YenText(dutiableValue)} × {r.CustomsValue.FactorOfRetail} = customs value {YenText(customsValue)} × {table.OtherGoodsRate} = {YenText(duty)} (cut to whole yen)"),
        };
    }

    private static string YenText(decimal yen) => "¥" + yen.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    private sealed record TobaccoKind(GoodsCategory Category, string Path, string Description, string Unit, int Quantity, int Capacity, decimal? TaxPerUnit, string RateText);

    private sealed record ValuedLine(int Index, OtherGoodsLine Line, string Path, int Articles, decimal ArticleYen, ExchangeRate? ExchangeRate, bool Eligible)
    {
        public decimal LineYen => Articles * ArticleYen;

        public string KindKey => (Line.Kind ?? Line.Description).Trim().ToUpperInvariant();

        public bool ReferredIfDutiable(SimplifiedRateTable table) => Line.Exclusion is not null || ArticleYen > table.ArticleOrSetLimitYen;
    }
}
