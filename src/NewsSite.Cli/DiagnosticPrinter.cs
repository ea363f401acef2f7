using NewsSite.Diagnostics;

namespace NewsSite.Cli;

/// <summary>Prints diagnostics as <c>path:line:column: error CODE: message</c>, the form editors and CI annotate.</summary>
internal sealed class DiagnosticPrinter(Terminal terminal)
{
    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var text = diagnostic.ToString();
            if (terminal.UseColor)
            {
                var color = diagnostic.IsError ? "\u001b[31m" : "\u001b[33m";
                text = $"{color}{text}\u001b[0m";
            }

            terminal.Error.WriteLine(text);
        }
    }
}
