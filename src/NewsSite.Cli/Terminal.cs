namespace NewsSite.Cli;

/// <summary>What a command may touch of the outside world, injected so commands run in tests without a process.</summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, TimeProvider Clock, Func<string, string?> Environment)
{
    /// <summary>The error stream is a terminal a person watches (not a pipe, file or CI log): colours and progress lines.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Stops long-running commands (serve) from outside; Ctrl+C and SIGTERM do it in the real process.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Colours only on a terminal, and never when <c>NO_COLOR</c> is set to anything (https://no-color.org).</summary>
    public bool UseColor => IsInteractive && string.IsNullOrEmpty(Environment("NO_COLOR"));

    /// <summary>Wraps <paramref name="text"/> in an ANSI colour when colours are on.</summary>
    public string Paint(string text, TerminalColor color) =>
        UseColor ? $"\u001b[{(int)color}m{text}\u001b[0m" : text;
}

public enum TerminalColor
{
    Red = 31,
    Green = 32,
    Yellow = 33,
    Dim = 2,
}
