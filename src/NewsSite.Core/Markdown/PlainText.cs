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
        var sink = new BuilderSink(builder);
        Append(container, ref sink);
        return Collapse(builder.ToString());
    }

    /// <summary>
    /// The words of every block's text, counted as the text goes by: no block's text is built as a string.
    /// A word runs on across inlines (<c>re*write*</c> is one word) and ends with its block.
    /// </summary>
    public static int CountWords(MarkdownDocument document)
    {
        var counter = new WordCounter();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                Append(leaf.Inline, ref counter);
                counter.EndBlock();
            }
        }

        return counter.Count;
    }

    private interface ITextSink
    {
        void Add(ReadOnlySpan<char> text);

        void Add(char ch);
    }

    private struct BuilderSink(StringBuilder builder) : ITextSink
    {
        public readonly void Add(ReadOnlySpan<char> text) => builder.Append(text);

        public readonly void Add(char ch) => builder.Append(ch);
    }

    private struct WordCounter : ITextSink
    {
        private bool _inWord;

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var ch in text)
            {
                Add(ch);
            }
        }

        public void Add(char ch)
        {
            var isWordChar = char.IsLetterOrDigit(ch);
            if (isWordChar && !_inWord)
            {
                Count++;
            }

            _inWord = isWordChar || (_inWord && ch is '\'' or '\u2019' or '-');
        }

        public void EndBlock() => _inWord = false;
    }

    private static void Append<TSink>(ContainerInline container, ref TSink sink)
        where TSink : struct, ITextSink
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sink.Add(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sink.Add(code.Content);
                    break;
                case LineBreakInline:
                    sink.Add(' ');
                    break;
                case HtmlEntityInline entity:
                    sink.Add(entity.Transcoded.AsSpan());
                    break;
                case Markdig.Extensions.SmartyPants.SmartyPant pant:
                    sink.Add(pant.Type switch
                    {
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftQuote => '\u2018',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightQuote => '\u2019',
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftDoubleQuote => '\u201C',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightDoubleQuote => '\u201D',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Dash2 => '\u2013',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Dash3 => '\u2014',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Ellipsis => '\u2026',
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftAngleQuote => '\u00AB',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightAngleQuote => '\u00BB',
                        Markdig.Extensions.SmartyPants.SmartyPantType.DoubleQuote => '"',
                        _ => '\'',
                    });
                    break;
                case AutolinkInline autolink:
                    // Shown as its address, without the mailto: a page gives it.
                    sink.Add(autolink.Url);
                    break;
                case Markdig.Extensions.Footnotes.FootnoteLink:
                    break;
                case ContainerInline child:
                    Append(child, ref sink);
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
