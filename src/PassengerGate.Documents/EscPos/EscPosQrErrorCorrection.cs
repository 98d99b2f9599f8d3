namespace PassengerGate.Documents.EscPos;

/// <summary>GS ( k function 169 values: 48 = L (7 %), 49 = M (15 %), 50 = Q (25 %), 51 = H (30 %).</summary>
public enum EscPosQrErrorCorrection : byte
{
    L = 48,
    M = 49,
    Q = 50,
    H = 51,
}
