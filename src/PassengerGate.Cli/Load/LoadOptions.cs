namespace PassengerGate.Cli.Load;

/// <summary>The wire protocol the simulated kiosks and consoles speak to the hubs.</summary>
public enum LoadProtocol
{
    Json,
    MessagePack,
}

/// <summary>What `pgate load` was asked to do.</summary>
public sealed record LoadOptions(
    Uri Url,
    int Kiosks,
    int Consoles,
    TimeSpan Warmup,
    TimeSpan Duration,
    LoadProtocol Protocol,
    string? ServiceCertificateFile,
    string? OfficerUser,
    string? OfficerPassword,
    LoadMix Mix,
    int Seed,
    int IdleKiosks = 0);

/// <summary>Which synthetic travellers the kiosks process.</summary>
public enum LoadMix
{
    /// <summary>The run mode's mix: pre-declared, dutiable, flagged, watchlisted, chip faults, face mismatches (SimulatedProfile.Pick).</summary>
    All,

    /// <summary>Nothing to declare, everything in order: green unless randomly selected.</summary>
    Ordinary,

    /// <summary>Every face a mismatch: each passenger referred, so every session raises an officer push.</summary>
    Referred,
}
