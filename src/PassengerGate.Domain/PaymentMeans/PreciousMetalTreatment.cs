namespace PassengerGate.Domain.PaymentMeans;

/// <summary>How a rule pack counts the precious metal it covers.</summary>
public enum PreciousMetalTreatment
{
    /// <summary>Its own test on total weight, apart from the money total (Japan: gold over 1 kg).</summary>
    WeightThreshold,

    /// <summary>Counted in the money total at its value (EU: gold coins and bullion are "cash").</summary>
    CountsAtValue,
}
