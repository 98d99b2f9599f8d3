namespace PassengerGate.Domain.PaymentMeans;

/// <summary>What a jurisdiction asks for means of payment moved in one way over its threshold.</summary>
public enum TransportDuty
{
    /// <summary>A declaration must be made (the bearer's, or the sender's for mail and cargo).</summary>
    Declaration,

    /// <summary>
    /// No declaration at the border, but a disclosure when the authorities ask (EU unaccompanied cash:
    /// Regulation (EU) 2018/1672 art. 4, within 30 days).
    /// </summary>
    DisclosureOnRequest,
}
