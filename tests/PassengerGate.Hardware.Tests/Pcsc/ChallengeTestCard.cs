using PassengerGate.Hardware.Simulators.Vpcd;

namespace PassengerGate.Hardware.Tests.Pcsc;

/// <summary>
/// A minimal ISO 7816-4 card: SELECT of the eMRTD application and GET CHALLENGE answering the ICAO 9303
/// Part 11 App. D.3 RND.IC, enough to prove bytes travel PC/SC → pcscd → vpcd → simulated card and back.
/// </summary>
internal sealed class ChallengeTestCard : ISimulatedCard
{
    // eMRTD LDS1 AID, and SELECT 00 A4 04 0C 07 <AID>: gmrtd/gmrtd:iso7816/nfc_session_test.go (tech.md §2.1).
    public static readonly byte[] EmrtdAid = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    // RND.IC from the BAC worked example, ICAO 9303 Part 11 App. D.3 (tech.md §2.2).
    public static readonly byte[] RndIc = [0x46, 0x08, 0xF9, 0x19, 0x88, 0x70, 0x22, 0x12];

    // ISO 7816-4 status words.
    public static readonly byte[] Ok = [0x90, 0x00];
    public static readonly byte[] FileNotFound = [0x6A, 0x82];
    public static readonly byte[] InsNotSupported = [0x6D, 0x00];

    private int _powerOns;

    /// <summary>
    /// ISO 7816-3 ATR: TS=3B direct convention; T0=80 (TD1 follows, no historical bytes); TD1=80 (TD2 follows, T=0);
    /// TD2=01 (T=1); TCK=01 so that T0 XOR … XOR TCK = 0. It is the PC/SC Part 3 contactless ATR with no historical bytes.
    /// </summary>
    public byte[] Atr { get; } = [0x3B, 0x80, 0x80, 0x01, 0x01];

    public int PowerOns => Volatile.Read(ref _powerOns);

    public void PowerOn() => Interlocked.Increment(ref _powerOns);

    public void PowerOff()
    {
    }

    public void Reset()
    {
    }

    public byte[] Process(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        if (commandApdu.Length < 4)
        {
            throw new ArgumentException("Too short for an APDU.", nameof(commandApdu));
        }

        return (commandApdu[1], commandApdu[2]) switch
        {
            (0xA4, 0x04) => commandApdu.Length >= 5 && commandApdu.AsSpan(5, Math.Min(commandApdu[4], commandApdu.Length - 5)).SequenceEqual(EmrtdAid)
                ? Ok
                : FileNotFound,
            (0x84, _) => [.. RndIc, .. Ok],
            _ => InsNotSupported,
        };
    }
}
