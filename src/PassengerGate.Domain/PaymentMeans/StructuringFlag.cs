namespace PassengerGate.Domain.PaymentMeans;

/// <summary>
/// One red flag for departure staff, with the declarations that raised it as evidence. <see cref="Key"/>
/// names what groups them (the booking, the flight and day, the traveller, the declaration).
/// </summary>
public sealed record StructuringFlag(StructuringPattern Pattern, string Key, IReadOnlyList<string> DeclarationIds, string Text);
