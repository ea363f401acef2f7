using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsSite.Markdown;

/// <summary>The HTML an editor typed into a body: HTML blocks and inline tags, in document order.</summary>
internal static class RawHtmlNodes
{
    public static List<MarkdownObject> In(MarkdownDocument document) =>
        [.. document.Descendants().Where(node => node is HtmlBlock or HtmlInline)];

    /// <summary>Removes every raw tag (<c>markdown.raw_html: strip</c>); Markdown between inline tags stays.</summary>
    public static void Strip(IEnumerable<MarkdownObject> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case HtmlBlock block:
                    block.Parent?.Remove(block);
                    break;
                case HtmlInline inline:
                    inline.Remove();
                    break;
            }
        }
    }
}
