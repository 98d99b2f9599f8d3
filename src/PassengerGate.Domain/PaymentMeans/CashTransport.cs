namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// How the means of payment cross the border. FATF R.32 covers persons, baggage, cargo and mail; the EU
/// asks for a declaration of accompanied cash and a disclosure on request of unaccompanied cash
/// (Regulation (EU) 2018/1672 arts. 3 and 4).
/// </summary>
public enum CashTransport
{
    /// <summary>Carried by the bearer, on the person or in baggage.</summary>
    Accompanied,

    /// <summary>Sent without a carrier: cargo, courier, unaccompanied baggage.</summary>
    Unaccompanied,

    /// <summary>Sent by post.</summary>
    Mail,
}
