using PassengerGate.Cli;

// Composition root: the only place the real clock and the process environment are picked.
var context = new CliContext(Console.Out, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable, Console.In);
return await CliApp.Default.RunAsync(args, context);
