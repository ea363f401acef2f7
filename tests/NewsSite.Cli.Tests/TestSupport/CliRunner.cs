using NewsSite.Cli;

namespace NewsSite.Tests.TestSupport;

/// <summary>Runs the command line in-process, with captured output and an environment of the test's choosing.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(new CliSetup(), args);

    public static CliResult Run(CliSetup setup, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var terminal = new Terminal(output, error, setup.Clock ?? new FixedClock(TestSite.DefaultNow), name => setup.Environment.GetValueOrDefault(name))
        {
            IsInteractive = setup.Interactive,
        };
        var exit = CommandLine.Run(args, terminal);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>What the terminal looks like to the command: a person's terminal or a pipe, the clock, the variables.</summary>
public sealed record CliSetup
{
    public bool Interactive { get; init; }

    public TimeProvider? Clock { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
