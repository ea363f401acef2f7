using MemoryPack;

namespace NewsSite.Diagnostics;

/// <summary>A 1-based position in a source file, with the path relative to the site root and '/' separators.</summary>
[MemoryPackable]
public readonly partial record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation StartOf(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
