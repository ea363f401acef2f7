using Markdig.Syntax;
using NewsSite.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>Maps Markdig's positions in a body (0-based line and column) back to the article file.</summary>
/// <param name="Path">The article's path from the site root.</param>
/// <param name="FirstLine">The file line (1-based) on which the body starts.</param>
internal readonly record struct BodyOrigin(string Path, int FirstLine)
{
    public SourceLocation Start => new(Path, FirstLine, 1);

    public SourceLocation At(MarkdownObject node) => new(Path, FirstLine + Math.Max(node.Line, 0), Math.Max(node.Column, 0) + 1);
}
