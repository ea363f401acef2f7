using NewsSite.Diagnostics;

namespace NewsSite.FrontMatter;

/// <summary>Finds the YAML block between the opening '---' line and the next '---' (or '...') line.</summary>
public static class FrontMatterSplitter
{
    /// <param name="text">The file's text with '\n' line endings.</param>
    public static (FrontMatterSplit? Split, Diagnostic? Error) Split(string text, string path)
    {
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstEnd < 0 ? text : text[..firstEnd];
        if (!IsFence(firstLine, allowDots: false))
        {
            return (null, Diagnostic.Error(
                DiagnosticCodes.MissingFrontMatter,
                "the file must start with a '---' line that opens the front matter (headline, date, ...)",
                SourceLocation.StartOf(path)));
        }

        if (firstEnd < 0)
        {
            return (null, Unclosed(path));
        }

        var yamlStart = firstEnd + 1;
        var lineStart = yamlStart;
        var lineNumber = 2;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? text.AsSpan(lineStart) : text.AsSpan(lineStart, lineEnd - lineStart);
            if (IsFence(line, allowDots: true))
            {
                var yaml = text[yamlStart..lineStart];
                var body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                return (new FrontMatterSplit(yaml, 2, body, lineNumber + 1), null);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
            lineNumber++;
        }

        return (null, Unclosed(path));
    }

    private static Diagnostic Unclosed(string path) => Diagnostic.Error(
        DiagnosticCodes.UnclosedFrontMatter,
        "the front matter opened here is never closed: add a '---' line after the last field",
        SourceLocation.StartOf(path));

    private static bool IsFence(ReadOnlySpan<char> line, bool allowDots)
    {
        var trimmed = line.TrimEnd();
        return trimmed.SequenceEqual("---") || (allowDots && trimmed.SequenceEqual("..."));
    }
}
