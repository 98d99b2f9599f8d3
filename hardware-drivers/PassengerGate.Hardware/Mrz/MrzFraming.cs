namespace PassengerGate.Hardware.Mrz;

/// <summary>How an OCR reader wraps the MRZ lines it sends (tech.md §3.2).</summary>
public enum MrzFraming
{
    /// <summary>
    /// DESKO-style: <c>[SOD] STX line1 CR line2 CR [line3 CR] ETX [EOD]</c>. Bytes outside STX…ETX
    /// (the optional start/end-of-data markers) are ignored.
    /// </summary>
    StxEtx,

    /// <summary>
    /// 3M RTE6701 "RTE Native": <c>SOH len-lo len-hi 'O' 'U' STX flag line1 CR line2 CR line3 CR ETX BCC</c>,
    /// lines padded with '_' to 30 or 44 characters, missing top lines sent as empty CR.
    /// </summary>
    Rte6701,

    /// <summary>Keyboard-wedge / plain text: each MRZ line typed as text ending in CR, LF or CRLF.</summary>
    KeyboardWedge,
}
