using PassengerGate.Domain.Arrival;

namespace PassengerGate.Domain.Risk;

/// <summary>
/// What the risk rules may know of the declaration: whether the traveller declared anything at all (a "yes" to
/// any C5360 question, or any goods listed), and whether the goods exceed the duty-free allowance.
/// </summary>
public sealed record DeclarationSummary(bool DeclaredAnything, bool GoodsOverAllowance)
{
    public static DeclarationSummary From(ArrivalDeclaration declaration, ArrivalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(assessment);
        var a = declaration.Answers;
        var g = declaration.Goods;
        var anyYes = a.ProhibitedOrRestricted || a.GoldBullionOrProducts || a.OverDutyFreeAllowance || a.CommercialGoodsOrSamples
            || a.CarriedForSomeoneElse || a.PaymentMeansOverThreshold || a.UnaccompaniedBaggage;
        var anyGoods = g.Alcohol.Any(l => l.Bottles > 0) || g.Cigarettes > 0 || g.Cigars > 0 || g.HeatedTobacco.Packs > 0
            || g.OtherTobaccoGrams > 0 || g.PerfumeMl > 0 || g.OtherGoods.Count > 0;
        return new DeclarationSummary(anyYes || anyGoods || declaration.UnaccompaniedPackages > 0, assessment.OverAllowance);
    }
}
