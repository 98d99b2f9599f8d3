namespace PassengerGate.KioskShell.Service;

/// <summary>A command the service pushed: the <see cref="IKioskClient"/> method name and its reason, if any.</summary>
public sealed record RemoteCommand(string Name, string? Reason);
