using PassengerGate.Documents.Fonts;
using PassengerGate.Documents.Slips;
using PassengerGate.Domain.Arrival;
using PdfSharp.Fonts;
using UglyToad.PdfPig;

namespace PassengerGate.Documents.Tests.Fonts;

public sealed class IpaexFontResolverTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("passengergate-fonts-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Without_the_font_the_error_names_the_package_and_the_override()
    {
        var error = Assert.Throws<FontNotInstalledException>(() => IpaexFontResolver.Locate(folder.FullName));

        Assert.Contains("apt-get install fonts-ipaexfont-gothic", error.Message, StringComparison.Ordinal);
        Assert.Contains(IpaexFontResolver.FontDirectoryVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.FullName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_override_folder_is_used_when_it_holds_the_font()
    {
        var installed = IpaexFontResolver.Locate(null);
        var copy = Path.Combine(folder.FullName, IpaexFontResolver.FontFileName);
        File.Copy(installed, copy);

        Assert.Equal(copy, IpaexFontResolver.Locate(folder.FullName));
    }

    [Fact]
    public void The_debian_package_path_is_found_without_an_override()
    {
        // `dpkg -L fonts-ipaexfont-gothic` lists /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf.
        Assert.Equal("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", IpaexFontResolver.Locate(null));
    }

    [Fact]
    public void Every_typeface_resolves_to_the_truetype_bytes_with_bold_simulated()
    {
        var resolver = IpaexFontResolver.Instance;

        var bold = resolver.ResolveTypeface("Arial", bold: true, italic: false)!;
        var font = resolver.GetFont(bold.FaceName)!;

        Assert.True(bold.MustSimulateBold);
        Assert.False(bold.MustSimulateItalic);
        // OpenType spec, table directory: sfntVersion 0x00010000 means TrueType outlines.
        Assert.Equal([0x00, 0x01, 0x00, 0x00], font[..4]);
        Assert.Null(resolver.GetFont("SomeOtherFace"));
    }

    [Fact]
    public void Registering_from_many_threads_installs_the_one_instance()
    {
        Parallel.For(0, 16, _ => IpaexFontResolver.Register());

        Assert.Same(IpaexFontResolver.Instance, GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void Documents_embed_ipaex_gothic()
    {
        var slip = new KioskSlip("C-1", "K-1", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(9)), Lane.Green, []);

        using var document = PdfDocument.Open(KioskSlipDocument.Render(slip));

        Assert.All(document.GetPage(1).Letters, l => Assert.Contains("IPAex", l.FontName, StringComparison.OrdinalIgnoreCase));
    }
}
