using NewsSite.Diagnostics;

namespace NewsSite.Cli;

/// <summary>Prints diagnostics as <c>path:line:column: error CODE: message</c>, the form editors and CI annotate.</summary>
internal sealed class DiagnosticPrinter(Terminal terminal)
{
    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            terminal.Error.WriteLine(terminal.Paint(diagnostic.ToString(), diagnostic.IsError ? TerminalColor.Red : TerminalColor.Yellow));
        }
    }
}
