using System.Globalization;
using MemoryPack;

namespace NewsSite.Diagnostics;

/// <summary>
/// One problem found in the input, printed as <c>path:line:column: error NS0101: message</c>, with control
/// characters in the path and message escaped (<see cref="DiagnosticText"/>).
/// </summary>
[MemoryPackable]
public sealed partial record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location)
{
    public static Diagnostic Error(string code, string message, SourceLocation? location) =>
        new(Severity.Error, code, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation? location) =>
        new(Severity.Warning, code, message, location);

    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var text = string.Create(CultureInfo.InvariantCulture, $"{severity} {Code}: {DiagnosticText.Escape(Message)}");
        return Location is { } location
            ? string.Create(CultureInfo.InvariantCulture, $"{DiagnosticText.Escape(location.Path)}:{location.Line}:{location.Column}: {text}")
            : text;
    }
}
