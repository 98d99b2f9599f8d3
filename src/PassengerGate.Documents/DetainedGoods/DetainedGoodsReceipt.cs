namespace PassengerGate.Documents.DetainedGoods;

/// <summary>One article an officer detained: what it is, how many, and why, in words a traveller reads.</summary>
public sealed record DetainedItem(string Description, int Quantity, string Reason);

/// <summary>
/// What the detained-goods receipt is printed from: the receipt and case numbers, the airport, the officer who
/// detained the goods, when (printed with the offset it carries: the airport's time) and the goods.
/// </summary>
public sealed record DetainedGoodsReceipt(
    string ReceiptNumber,
    string CaseNumber,
    string Airport,
    string Officer,
    DateTimeOffset DetainedAt,
    IReadOnlyList<DetainedItem> Items);
