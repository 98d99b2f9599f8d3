namespace PassengerGate.Domain.PaymentMeans;

/// <summary>The kinds of means of payment a declaration lists. Which of them count is the rule pack's.</summary>
public enum InstrumentKind
{
    /// <summary>Banknotes and coins in circulation, any currency.</summary>
    Cash,

    TravellersCheques,

    Cheque,

    PromissoryNote,

    /// <summary>Stock certificates, bonds and other securities.</summary>
    Securities,

    PrepaidCard,

    /// <summary>Gold and other precious metals, by weight and purity.</summary>
    PreciousMetal,
}
