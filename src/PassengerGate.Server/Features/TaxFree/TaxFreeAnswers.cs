using PassengerGate.Contracts.TaxFree;
using PassengerGate.Domain.TaxFree;

namespace PassengerGate.Server.Features.TaxFree;

/// <summary>Domain results in their wire form.</summary>
public static class TaxFreeAnswers
{
    public static TaxFreeReasonCode ToContract(TaxFreeReason reason) => reason switch
    {
        TaxFreeReason.BelowFloor => TaxFreeReasonCode.BelowFloor,
        TaxFreeReason.ExcludedGoods => TaxFreeReasonCode.ExcludedGoods,
        TaxFreeReason.IdentifyingDetailsMissing => TaxFreeReasonCode.IdentifyingDetailsMissing,
        TaxFreeReason.ConfirmationWindowOver => TaxFreeReasonCode.ConfirmationWindowOver,
        TaxFreeReason.PurchasedAfterCheck => TaxFreeReasonCode.PurchasedAfterCheck,
        TaxFreeReason.ItemMissing => TaxFreeReasonCode.ItemMissing,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static TaxFreeRegimeCode ToContract(TaxFreeRegime regime) =>
        regime == TaxFreeRegime.Refund ? TaxFreeRegimeCode.Refund : TaxFreeRegimeCode.Exemption;

    public static TaxFreeItemCategory ToContract(TaxFreeGoodsCategory category) => category switch
    {
        TaxFreeGoodsCategory.General => TaxFreeItemCategory.General,
        TaxFreeGoodsCategory.ReducedRate => TaxFreeItemCategory.ReducedRate,
        TaxFreeGoodsCategory.Bullion => TaxFreeItemCategory.Bullion,
        TaxFreeGoodsCategory.GoldCoin => TaxFreeItemCategory.GoldCoin,
        TaxFreeGoodsCategory.PlatinumCoin => TaxFreeItemCategory.PlatinumCoin,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The stored state's name (migration 0120's check constraint).</summary>
    public static string StateName(TaxFreeRecordState state) => state switch
    {
        TaxFreeRecordState.Open => "open",
        TaxFreeRecordState.Ineligible => "ineligible",
        TaxFreeRecordState.Confirmed => "confirmed",
        TaxFreeRecordState.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TaxFreeRecordState StateOf(string name) => name switch
    {
        "open" => TaxFreeRecordState.Open,
        "ineligible" => TaxFreeRecordState.Ineligible,
        "confirmed" => TaxFreeRecordState.Confirmed,
        "refused" => TaxFreeRecordState.Refused,
        _ => throw new InvalidDataException("unknown record state " + name),
    };
}
