namespace PassengerGate.Domain.PaymentMeans;

public enum StructuringPattern
{
    /// <summary>Several travellers on one booking or flight, each carrying close to the threshold.</summary>
    GroupNearThreshold,

    /// <summary>One traveller declaring repeatedly within a window.</summary>
    RepeatedDeclarations,

    /// <summary>A total close to the threshold made up of several currencies or instrument kinds.</summary>
    SplitAcrossCurrenciesOrInstruments,
}
