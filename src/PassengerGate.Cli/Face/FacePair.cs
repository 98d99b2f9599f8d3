namespace PassengerGate.Cli.Face;

/// <summary>One line of a pairs file: two image file names and whether they show the same person.</summary>
public sealed record FacePair(string X, string Y, bool Same);
