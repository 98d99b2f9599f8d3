using PassengerGate.TestSupport.Pcscd;

namespace PassengerGate.Hardware.Tests.Support;

/// <summary>Tests that talk to pcscd share one daemon and run one at a time (one vpcd slot, one card).</summary>
[CollectionDefinition(Name)]
public sealed class PcscdTestGroup : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
