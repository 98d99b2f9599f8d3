namespace PassengerGate.Hardware.Simulators.Printer;

/// <summary>What the printer produced from a byte stream, in order.</summary>
public sealed record Printout(IReadOnlyList<PrinterOutput> Outputs)
{
    public IReadOnlyList<PrintedLine> Lines => [.. Outputs.OfType<PrintedLine>()];

    public IReadOnlyList<PrintedQrCode> QrCodes => [.. Outputs.OfType<PrintedQrCode>()];

    public IReadOnlyList<PaperCut> Cuts => [.. Outputs.OfType<PaperCut>()];

    /// <summary>True when the last thing that happened to the paper was a cut (feeds before it are allowed).</summary>
    public bool EndsWithCut => Outputs.LastOrDefault(o => o is not PaperFeed) is PaperCut;
}
