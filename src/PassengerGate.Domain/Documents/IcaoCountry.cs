namespace PassengerGate.Domain.Documents;

/// <summary>MRZ state codes are ISO 3166-1 alpha-3 with ICAO's exceptions (Doc 9303 Part 3 §5).</summary>
public static class IcaoCountry
{
    /// <summary>Germany prints the single letter D (padded "D&lt;&lt;") instead of DEU (Part 3 §5, tech.md §1.4);
    /// every other code is already three letters and is returned as it is.</summary>
    public static string ToAlpha3(string mrzCode) => mrzCode == "D" ? "DEU" : mrzCode;
}
