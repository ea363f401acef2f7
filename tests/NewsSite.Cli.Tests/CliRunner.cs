using NewsSite.Cli;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

/// <summary>Runs the CLI in-process with captured output and a fixed clock.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static (int ExitCode, string Out, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = new Terminal(output, error, new FixedClock(TestSite.DefaultNow), name => environment.TryGetValue(name, out var value) ? value : null);
        var code = CommandLine.Run(args, terminal);
        return (code, output.ToString(), error.ToString());
    }
}
