namespace PassengerGate.KioskShell.Flows;

/// <summary>The steps the kiosk knows how to take with a passenger, shared by every flow that lists them.</summary>
public enum KioskStep
{
    /// <summary>Read the passport's MRZ on the document reader.</summary>
    Passport,

    /// <summary>Read the IC passport's chip (BAC/PACE, passive, active and chip authentication material for the service).</summary>
    Chip,

    /// <summary>Compare the live face with the chip portrait in the browser; only the scores travel.</summary>
    Face,

    /// <summary>The customs declaration: a pre-declaration QR or the form on the screen.</summary>
    Declaration,

    /// <summary>The declaration of means of payment (cash, cheques, securities, precious metals): the touch form, the service's review, its number.</summary>
    CurrencyDeclaration,

    /// <summary>The tax-free export check: the service finds the traveller's purchase records by the verified passport and gives the lane.</summary>
    TaxFreeCheck,

    /// <summary>Print the slip with the lane and the case number.</summary>
    Slip,
}
