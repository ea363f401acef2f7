using System.Net;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// The readable text of HTML we rendered ourselves (article bodies): tags become spaces, entities are decoded,
/// and script and style contents are dropped. Not a general HTML parser: it only has to read Markdig's output.
/// </summary>
internal static class HtmlTextExtractor
{
    public static string Extract(string html)
    {
        var text = new StringBuilder(html.Length);
        var index = 0;
        while (index < html.Length)
        {
            var open = html.IndexOf('<', index);
            if (open < 0)
            {
                AppendDecoded(text, html.AsSpan(index));
                break;
            }

            AppendDecoded(text, html.AsSpan(index, open - index));
            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            var tag = html.AsSpan(open + 1, close - open - 1);
            if (!IsInline(tag))
            {
                text.Append(' ');
            }

            index = close + 1;
            if (StartsElement(tag, "script") || StartsElement(tag, "style"))
            {
                var name = StartsElement(tag, "script") ? "</script" : "</style";
                var end = html.IndexOf(name, index, StringComparison.OrdinalIgnoreCase);
                index = end < 0 ? html.Length : end;
            }
        }

        return text.ToString();
    }

    /// <summary>Inline elements do not separate words: <c>&lt;em&gt;India&lt;/em&gt;'s</c> is one word.</summary>
    private static bool IsInline(ReadOnlySpan<char> tag)
    {
        var name = tag.TrimStart('/');
        var end = 0;
        while (end < name.Length && char.IsAsciiLetterOrDigit(name[end]))
        {
            end++;
        }

        // The longest inline name has six letters; the name is lowered on the stack, not into a string per tag.
        if (end is 0 or > 6)
        {
            return false;
        }

        Span<char> lower = stackalloc char[6];
        name[..end].ToLowerInvariant(lower);
        return lower[..end] is "a" or "em" or "strong" or "b" or "i" or "u" or "s" or "code"
            or "span" or "abbr" or "mark" or "sub" or "sup" or "del" or "ins" or "small" or "q" or "cite" or "kbd";
    }

    private static bool StartsElement(ReadOnlySpan<char> tag, string name) =>
        tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || !char.IsAsciiLetterOrDigit(tag[name.Length]));

    private static void AppendDecoded(StringBuilder text, ReadOnlySpan<char> segment)
    {
        if (segment.IndexOf('&') < 0)
        {
            text.Append(segment);
            return;
        }

        text.Append(WebUtility.HtmlDecode(segment.ToString()));
    }
}
