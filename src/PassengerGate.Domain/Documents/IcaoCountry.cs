using System.Collections.Frozen;

namespace PassengerGate.Domain.Documents;

/// <summary>
/// MRZ state and nationality codes: ISO 3166-1 alpha-3 with ICAO's additions (ICAO Doc 9303, 8th ed. 2021, Part 3
/// §5 "Representation of the issuing state or organization and nationality of the holder", and its Appendix;
/// https://www.icao.int/publications/Documents/9303_p3_cons_en.pdf). The list and its sources are in
/// docs/decisions/0017-declarations-validated-and-qr-valid-for-the-arrival-day.md.
/// </summary>
public static class IcaoCountry
{
    /// <summary>ISO 3166-1 alpha-3, officially assigned codes (ISO Online Browsing Platform, https://www.iso.org/obp/ui/#search/code/).</summary>
    private const string Iso3166Alpha3 =
        "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM " +
        "BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR " +
        "CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB " +
        "GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA " +
        "JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA " +
        "MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR " +
        "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS " +
        "SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON " +
        "TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE";

    /// <summary>
    /// Doc 9303 Part 3 §5 codes that are not ISO 3166-1 alpha-3: Germany's single letter D; the British nationality
    /// classes; the United Nations and its agencies and UNMIK's Kosovo travel document; the other organizations
    /// whose travel documents carry an X code; the persons without a stated nationality; EUE for the European
    /// Union's laissez-passer. RKS: the code Kosovo prints in its own passports (ICAO's "code for Kosovo" in the Part 3
    /// code list's notes), accepted here because such passports are presented at airports.
    /// </summary>
    private const string IcaoAdditions =
        "D GBD GBN GBO GBP GBS UNO UNA UNK RKS EUE " +
        "XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC " +
        "XXA XXB XXC XXX";

    private static readonly FrozenSet<string> Codes =
        (Iso3166Alpha3 + " " + IcaoAdditions).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Germany prints the single letter D (padded "D&lt;&lt;") instead of DEU (Part 3 §5, tech.md §1.4);
    /// every other code is already three letters and is returned as it is.</summary>
    public static string ToAlpha3(string mrzCode) => mrzCode == "D" ? "DEU" : mrzCode;

    /// <summary>True for a code Doc 9303 allows as a nationality or issuing state, as printed ("D", "D&lt;&lt;", "JPN").</summary>
    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code.TrimEnd('<'));
}
