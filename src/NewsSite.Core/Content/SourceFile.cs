namespace NewsSite.Content;

/// <summary>A file found under the source folder.</summary>
/// <param name="RelativePath">Path from the site root with '/' separators, as printed in diagnostics.</param>
/// <param name="FullPath">Absolute path on disk.</param>
public sealed record SourceFile(string RelativePath, string FullPath)
{
    public bool IsArticle => RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
