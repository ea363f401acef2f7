using System.Text;
using AngleSharp.Dom;

namespace NewsSite.Markdown;

/// <summary>
/// Serializes sanitized nodes as HTML. AngleSharp's own serializer looks up each text node's siblings, which
/// takes quadratic time on a body with tens of thousands of elements; this one is linear. It escapes all text
/// (even inside elements that HTML treats as raw text) and writes no comments.
/// </summary>
internal static class HtmlFragmentWriter
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    public static void Write(INode node, StringBuilder output, RenderDeadline deadline)
    {
        switch (node)
        {
            case IText text:
                Escape(text.Data, output, inAttribute: false);
                break;
            case IElement element:
                WriteElement(element, output, deadline);
                break;
        }
    }

    private static void WriteElement(IElement element, StringBuilder output, RenderDeadline deadline)
    {
        deadline.Check();
        var name = element.LocalName;
        output.Append('<').Append(name);
        foreach (var attribute in element.Attributes)
        {
            output.Append(' ').Append(attribute.Name).Append("=\"");
            Escape(attribute.Value, output, inAttribute: true);
            output.Append('"');
        }

        output.Append('>');
        if (VoidElements.Contains(name))
        {
            return;
        }

        var children = element.ChildNodes;
        // The parser drops one newline after <pre>; a body that starts with one must keep it.
        if (name is "pre" or "textarea" or "listing" && children.Length > 0 && children[0] is IText { Data: ['\n', ..] })
        {
            output.Append('\n');
        }

        for (var i = 0; i < children.Length; i++)
        {
            Write(children[i], output, deadline);
        }

        output.Append("</").Append(name).Append('>');
    }

    private static void Escape(string text, StringBuilder output, bool inAttribute)
    {
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '"' when inAttribute:
                    output.Append("&quot;");
                    break;
                default:
                    output.Append(ch);
                    break;
            }
        }
    }
}
