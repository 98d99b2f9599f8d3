namespace PassengerGate.Hardware.Simulators.Chip;

/// <summary>Ways a simulated passport can be wrong, one per passive/active authentication failure the gate must catch.</summary>
public enum ChipFaultMode
{
    None,

    /// <summary>DG2 is changed after the SOD was signed (DG_HASH_MISMATCH on DG2).</summary>
    TamperedDataGroup,

    /// <summary>The SOD's signature value is corrupted (SIGNATURE_INVALID).</summary>
    WrongSignature,

    /// <summary>The document signer was issued by a CSCA that is not the exported, trusted one (UNKNOWN_CSCA).</summary>
    UnknownCsca,

    /// <summary>The document signer certificate expired before the passport was issued (DSC_EXPIRED).</summary>
    ExpiredSigner,

    /// <summary>DG1 carries a different name than the printed MRZ (DG1_MRZ_MISMATCH).</summary>
    Dg1MismatchesPrintedMrz,

    /// <summary>After <see cref="SimulatedPassportOptions.FailAfterReads"/> READ BINARY commands the chip answers 6F00.</summary>
    FailsMidRead,

    /// <summary>The chip signs Active Authentication challenges with a key other than DG15's (a copied chip).</summary>
    ClonedChip,

    /// <summary>A copy of the files on a chip that cannot answer INTERNAL AUTHENTICATE (6D00): DG15 is still signed into EF.SOD.</summary>
    ClonedWithoutActiveAuthentication,

    /// <summary>
    /// A copy that hides Active Authentication: EF.COM no longer lists DG15 and the DG15 file is gone, but the signed
    /// EF.SOD (which the cloner cannot re-sign) still lists it, and the chip cannot answer INTERNAL AUTHENTICATE.
    /// </summary>
    ClonedHidingActiveAuthentication,

    /// <summary>
    /// A copy whose signed DG14 offers Chip Authentication but whose chip does not hold the private key of DG14's public
    /// key: it agrees other session keys, so its answers under Chip Authentication do not verify (CHIP_CA_FAILED).
    /// </summary>
    ClonedWithoutChipAuthenticationKey,

    /// <summary>A copy whose chip refuses the Chip Authentication key agreement the signed DG14 offers (CHIP_CA_MISSING).</summary>
    ClonedRefusingChipAuthentication,
}
