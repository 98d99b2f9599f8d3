namespace PassengerGate.KioskShell.Ui;

/// <summary>
/// Header fields of the on-screen declaration taken from the passport, so the passenger only answers
/// the questions. A child's declaration is made by the guardian (docs/arrival-declaration-schema.md,
/// declarant.role = guardian), whose name is the first member's.
/// </summary>
public sealed record DeclarationPrefill(
    string Name,
    string PassportNumber,
    string Nationality,
    string DateOfBirth,
    string ArrivalDate,
    string? GroupId,
    string? GuardianName);
