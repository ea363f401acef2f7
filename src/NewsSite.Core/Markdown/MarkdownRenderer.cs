using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsSite.Configuration;

namespace NewsSite.Markdown;

/// <summary>
/// Renders article bodies and inline snippets with one shared, immutable Markdig pipeline (safe across threads).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;

    /// <summary>Front-matter snippets (key points, corrections) are short text: raw HTML in them is shown as text.</summary>
    private readonly MarkdownPipeline _inlinePipeline;

    public MarkdownRenderer(MarkdownConfig config)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub);
        if (config.SmartPunctuation)
        {
            builder.UseSmartyPants();
        }

        _pipeline = builder.Build();
        var inline = new MarkdownPipelineBuilder().DisableHtml();
        if (config.SmartPunctuation)
        {
            inline.UseSmartyPants();
        }

        _inlinePipeline = inline.Build();
    }

    /// <param name="dateline">Printed before the first paragraph, unless the paragraph already opens with it.</param>
    /// <param name="cutAfterParagraph">Top-level paragraph after which the body is cut (0: no cut).</param>
    public RenderedBody RenderBody(string markdown, string? dateline, int cutAfterParagraph)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var firstParagraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        var firstText = firstParagraph is null ? "" : PlainText.Of(firstParagraph.Inline);
        if (firstParagraph is not null && dateline is not null)
        {
            Datelines.Mark(firstParagraph, dateline);
            firstText = Datelines.StripLeading(firstText, dateline);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        string? head = null;
        var paragraphs = 0;
        foreach (var block in document)
        {
            renderer.Render(block);
            if (block is ParagraphBlock && ++paragraphs == cutAfterParagraph && head is null)
            {
                renderer.Writer.Flush();
                head = writer.ToString();
            }
        }

        renderer.Writer.Flush();
        var all = writer.ToString();
        var isCut = head is not null && head.Length < all.Length;
        return new RenderedBody(
            isCut ? head! : all,
            isCut ? all[head!.Length..] : "",
            firstText,
            PlainText.CountWords(document));
    }

    /// <summary>The first paragraph as plain text, as <see cref="RenderBody"/> gives it, without rendering the body.</summary>
    public string FirstParagraph(string markdown, string? dateline)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var first = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (first is null)
        {
            return "";
        }

        var text = PlainText.Of(first.Inline);
        return dateline is null ? text : Datelines.StripLeading(text, dateline);
    }

    /// <summary>Inline Markdown (key points, corrections) as HTML without a wrapping paragraph.</summary>
    public string RenderInline(string markdown)
    {
        if (IsPlainText(markdown))
        {
            return markdown.Trim();
        }

        var document = Markdig.Markdown.Parse(markdown, _inlinePipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        _inlinePipeline.Setup(renderer);
        renderer.Render(document);
        renderer.Writer.Flush();
        return writer.ToString().Trim();
    }

    /// <summary>
    /// Most key points are plain sentences: no Markdown, nothing to escape, no quotes or dashes to curl. They are
    /// their own HTML, and skipping the parser for them saves a document per key point.
    /// </summary>
    private static bool IsPlainText(string text)
    {
        foreach (var ch in text)
        {
            if (!(char.IsLetterOrDigit(ch) || ch is ' ' or ',' or '.' or ';' or ':' or '(' or ')' or '%' or '/' or '+' or '=' or '?' or '-'))
            {
                return false;
            }
        }

        return text.Length > 0 && char.IsLetter(text[0]) && !text.Contains("--", StringComparison.Ordinal) && !text.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Inline Markdown as plain text, for feeds, JSON-LD and the search index.</summary>
    public string InlineText(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, _inlinePipeline);
        return string.Join(' ', document.Descendants<LeafBlock>().Select(b => PlainText.Of(b.Inline)).Where(t => t.Length > 0));
    }
}
