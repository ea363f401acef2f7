using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsSite.Markdown;

/// <summary>The readable text of Markdown inlines, without markup.</summary>
internal static class PlainText
{
    public static string Of(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        Append(container, builder);
        return Collapse(builder.ToString());
    }

    public static int CountWords(MarkdownDocument document)
    {
        var count = 0;
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                count += CountWords(Of(leaf.Inline));
            }
        }

        return count;
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var isWordChar = char.IsLetterOrDigit(ch);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar || (inWord && ch is '\'' or '\u2019' or '-');
        }

        return count;
    }

    private static void Append(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case Markdig.Extensions.SmartyPants.SmartyPant pant:
                    builder.Append(pant.Type switch
                    {
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftQuote => '\u2018',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightQuote => '\u2019',
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftDoubleQuote => '\u201C',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightDoubleQuote => '\u201D',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Dash2 => '\u2013',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Dash3 => '\u2014',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Ellipsis => '\u2026',
                        _ => '\'',
                    });
                    break;
                case Markdig.Extensions.Footnotes.FootnoteLink:
                    break;
                case ContainerInline child:
                    Append(child, builder);
                    break;
            }
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }
}
