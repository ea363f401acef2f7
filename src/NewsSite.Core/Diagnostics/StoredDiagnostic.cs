using MemoryPack;

namespace NewsSite.Diagnostics;

/// <summary>A diagnostic in a flat form that caches keep between builds, to be reported again by builds that reuse them.</summary>
[MemoryPackable]
internal sealed partial record StoredDiagnostic(Severity Severity, string Code, string Message, string? Path, int Line, int Column)
{
    public static StoredDiagnostic From(Diagnostic d) =>
        new(d.Severity, d.Code, d.Message, d.Location?.Path, d.Location?.Line ?? 0, d.Location?.Column ?? 0);

    public Diagnostic ToDiagnostic() => new(Severity, Code, Message, Path is null ? null : new SourceLocation(Path, Line, Column));
}
