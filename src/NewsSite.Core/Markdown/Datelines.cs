using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsSite.Markdown;

/// <summary>
/// Puts the dateline in front of the first paragraph as <c>&lt;span class="dateline"&gt;</c>. Editors often type
/// it into the body too ("New Delhi: ..."); then that text is marked instead of printing the place twice.
/// </summary>
internal static class Datelines
{
    private static readonly string[] Separators = [":", " \u2014", "\u2014", " -", ",", " \u2013"];

    public static void Mark(ParagraphBlock paragraph, string dateline)
    {
        var container = paragraph.Inline;
        if (container is null)
        {
            return;
        }

        var place = dateline;
        if (container.FirstChild is LiteralInline first && StartsWithDateline(first.Content.ToString(), dateline, out var rest))
        {
            place = first.Content.ToString()[..dateline.Length];
            first.Content = new Markdig.Helpers.StringSlice(rest);
        }

        var open = new HtmlInline("<span class=\"dateline\">");
        var close = new HtmlInline("</span>");
        var separator = new LiteralInline(" \u2014 ");
        if (container.FirstChild is { } firstChild)
        {
            firstChild.InsertBefore(open);
        }
        else
        {
            container.AppendChild(open);
        }

        open.InsertAfter(new LiteralInline(place));
        open.NextSibling!.InsertAfter(close);
        close.InsertAfter(separator);
    }

    public static string StripLeading(string text, string dateline) =>
        StartsWithDateline(text, dateline, out var rest) ? rest : text;

    private static bool StartsWithDateline(string text, string dateline, out string rest)
    {
        rest = text;
        if (!text.StartsWith(dateline, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var after = text[dateline.Length..];
        foreach (var separator in Separators)
        {
            if (after.StartsWith(separator, StringComparison.Ordinal))
            {
                rest = after[separator.Length..].TrimStart();
                return true;
            }
        }

        return false;
    }
}
