namespace PassengerGate.Documents.Layout;

/// <summary>A table column: its share of the text width and how its cells align.</summary>
public sealed record TableColumn(double Share, TextAlignment Alignment = TextAlignment.Left);
