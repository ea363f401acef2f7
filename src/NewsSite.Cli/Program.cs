using NewsSite.Cli;

var terminal = new Terminal(Console.Out, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable)
{
    IsInteractive = !Console.IsErrorRedirected,
};
return CommandLine.Run(args, terminal);
