namespace PassengerGate.KioskShell.Flows;

/// <summary>One button of the first screen's flow chooser: the flow and its title's key in the traveller catalogue.</summary>
public sealed record FlowChoice(KioskFlowId Id, string TitleKey);
