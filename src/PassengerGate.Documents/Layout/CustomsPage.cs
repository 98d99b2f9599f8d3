using PassengerGate.Documents.Fonts;

namespace PassengerGate.Documents.Layout;

/// <summary>The parts every A4 customs document shares: the heading in both languages and the legal basis at the foot.</summary>
public static class CustomsPage
{
    public static void Heading(this PageComposer page, string titleJa, string titleEn)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Text("税関 Japan Customs", DocumentFonts.Bold(14));
        page.Text(titleJa, DocumentFonts.Bold(13));
        page.Text(titleEn, DocumentFonts.Bold(11));
        page.Rule(1);
    }

    public static void Basis(this PageComposer page, string basisJa, string basisEn)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Rule();
        page.Text(basisJa, DocumentFonts.Regular(7.5));
        page.Gap(3);
        page.Text(basisEn, DocumentFonts.Regular(7.5));
    }
}
