using PdfSharp.Fonts;

namespace PassengerGate.Documents.Fonts;

/// <summary>
/// Gives PDFsharp the IPAex Gothic TrueType bytes for every typeface it asks for. PDFsharp 6 has no
/// system-font lookup that finds Japanese fonts on Linux, so a resolver must hand it the file
/// (docs.pdfsharp.net "Font resolving"). IPAex Gothic has a single regular face: bold is simulated.
/// </summary>
public sealed class IpaexFontResolver : IFontResolver
{
    /// <summary>The family name documents ask for.</summary>
    public const string FamilyName = "IPAexGothic";

    /// <summary>Set this to a folder holding ipaexg.ttf to use a copy outside the Debian path.</summary>
    public const string FontDirectoryVariable = "PASSENGERGATE_FONT_DIR";

    public const string FontFileName = "ipaexg.ttf";

    /// <summary>Where Debian's fonts-ipaexfont-gothic puts the file (dpkg -L fonts-ipaexfont-gothic), then other distributions' layouts.</summary>
    private static readonly string[] KnownDirectories =
    [
        "/usr/share/fonts/opentype/ipaexfont-gothic",
        "/usr/share/fonts/truetype/ipaexfont-gothic",
        "/usr/share/fonts/ipaexfont-gothic",
        "/usr/share/fonts/ipa-ex-gothic",
        "/usr/local/share/fonts",
    ];

    private const string FaceName = "IPAexGothic-Regular";

    private static readonly object Gate = new();
    private static volatile bool registered;

    private readonly Lazy<byte[]> fontBytes;

    private IpaexFontResolver(string? directoryOverride)
    {
        fontBytes = new Lazy<byte[]>(() => File.ReadAllBytes(Locate(directoryOverride)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The one instance PDFsharp is given: its global resolver may be set once per process, or again only with the same instance.</summary>
    public static IpaexFontResolver Instance { get; } = new(Environment.GetEnvironmentVariable(FontDirectoryVariable));

    /// <summary>
    /// Installs <see cref="Instance"/> as PDFsharp's font resolver. Safe to call from any thread any number of
    /// times; the font file is located first so a missing font fails here, with the package to install.
    /// </summary>
    public static void Register()
    {
        // Every font of every document passes here: after the first, no lock (concurrent renders queued on it).
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            _ = Instance.fontBytes.Value;
            if (GlobalFontSettings.FontResolver is { } existing && !ReferenceEquals(existing, Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has another font resolver ({existing.GetType().FullName}); PassengerGate documents need {nameof(IpaexFontResolver)}.");
            }

            GlobalFontSettings.FontResolver = Instance;
            registered = true;
        }
    }

    /// <summary>The path of ipaexg.ttf: the override folder when given (and only it), otherwise the first known folder holding it.</summary>
    public static string Locate(string? directoryOverride)
    {
        var candidates = string.IsNullOrWhiteSpace(directoryOverride)
            ? KnownDirectories.Select(d => Path.Combine(d, FontFileName)).ToList()
            : [Path.Combine(directoryOverride, FontFileName)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FontNotInstalledException(
                $"IPAex Gothic ({FontFileName}) was not found in {string.Join(", ", candidates)}. " +
                $"Install it with 'apt-get install fonts-ipaexfont-gothic', or set {FontDirectoryVariable} to a folder holding {FontFileName}.");
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) =>
        string.Equals(faceName, FaceName, StringComparison.Ordinal) ? fontBytes.Value : null;
}
