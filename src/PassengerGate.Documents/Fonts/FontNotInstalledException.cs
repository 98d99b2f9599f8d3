namespace PassengerGate.Documents.Fonts;

/// <summary>The Japanese font the documents are printed in is not on this machine.</summary>
public sealed class FontNotInstalledException : Exception
{
    public FontNotInstalledException()
    {
    }

    public FontNotInstalledException(string message)
        : base(message)
    {
    }

    public FontNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
