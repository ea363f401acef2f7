using NewsSite.Cli;

return CommandLine.Run(args, new Terminal(Console.Out, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable));
