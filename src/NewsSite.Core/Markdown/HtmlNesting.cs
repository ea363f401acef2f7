namespace NewsSite.Markdown;

/// <summary>
/// Estimates how deeply HTML nests by counting start and end tags, without building a tree. AngleSharp caps
/// the tree at 510 levels, but getting there through thousands of unclosed tags takes it minutes; this one
/// pass lets the build refuse such a body first. Elements whose end tag is optional or absent are not counted.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> Uncounted = new(StringComparer.Ordinal)
    {
        // Void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",

        // End tag optional: the parser closes them by itself
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "option", "optgroup", "rb", "rt", "rp", "rtc", "caption",
    };

    /// <summary>Elements whose content is text up to their end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    public static int Estimate(string html)
    {
        var depth = 0;
        var deepest = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var commentEnd = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (commentEnd < 0)
                {
                    break;
                }

                i = commentEnd + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = tagEnd + 1;
            if (name == "plaintext" && !closing)
            {
                break;
            }

            if (Uncounted.Contains(name) || html[tagEnd - 1] == '/')
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            deepest = Math.Max(deepest, ++depth);
            if (RawText.Contains(name))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    break;
                }

                i = end;
            }
        }

        return deepest;
    }
}
