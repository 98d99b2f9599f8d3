namespace PassengerGate.KioskShell.Sessions;

/// <summary>
/// The declaration step's memory for one passenger (decision 0020): the scanned pre-declaration under review
/// (<see cref="Qr"/>, null when the form was filled from scratch) and the declaration the form shows filled in — the
/// pre-declared one at first, then whatever the traveller last sent, so a refusal by the service never empties the form.
/// </summary>
internal sealed record DeclarationReview(string? Qr, string? Draft)
{
    public static DeclarationReview None { get; } = new(null, null);
}
