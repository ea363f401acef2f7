using System.CommandLine;

namespace NewsSite.Cli;

/// <summary>Parses the command line and runs a command; wrong usage is exit 2, an unexpected failure exit 70.</summary>
public static class CommandLine
{
    public static int Run(string[] args, Terminal terminal)
    {
        var root = new RootCommand("NewsSite: a static site generator for newsrooms")
        {
            BuildCommand.Create(terminal),
            ScheduleCommand.Create(terminal),
            CheckCommand.Create(terminal),
            ServeCommand.Create(terminal),
            NewCommand.Create(terminal),
            DeployCommand.Create(terminal),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                terminal.Error.WriteLine($"error: {error.Message}");
            }

            terminal.Error.WriteLine("Run 'newssite --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The one place that turns any unexpected failure into exit 70 with its stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            terminal.Error.WriteLine($"internal error: {exception}");
            return ExitCodes.Unexpected;
        }
    }
}
