namespace NewsSite.Cli;

/// <summary>What a command may touch of the outside world, injected so commands run in tests without a process.</summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, TimeProvider Clock, Func<string, string?> Environment)
{
    public bool UseColor =>
        Environment("NO_COLOR") is null && !Console.IsErrorRedirected && ReferenceEquals(Error, Console.Error);
}
