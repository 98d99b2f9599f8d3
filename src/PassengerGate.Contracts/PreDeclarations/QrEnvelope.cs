namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>
/// The transport layers around a COSE message, as in the EU DCC (hcert_spec.md §4): COSE bytes →
/// zlib → Base45. The prefix is not part of it, so the same code opens an "HC1:" certificate.
/// </summary>
public static class QrEnvelope
{
    public static string Wrap(ReadOnlySpan<byte> coseMessage) => Base45.Encode(Zlib.Compress(coseMessage));

    /// <summary>Base45-decodes and inflates <paramref name="body"/> (the text after the prefix).</summary>
    public static bool TryUnwrap(string body, out byte[] coseMessage, out PreDeclarationQrError error)
    {
        ArgumentNullException.ThrowIfNull(body);
        coseMessage = [];
        if (!Base45.TryDecode(body, out var compressed))
        {
            error = PreDeclarationQrError.BadBase45;
            return false;
        }

        if (!Zlib.TryDecompress(compressed, out coseMessage))
        {
            error = PreDeclarationQrError.BadZlib;
            return false;
        }

        error = PreDeclarationQrError.None;
        return true;
    }
}
