using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsSite.Configuration;
using NewsSite.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>
/// Renders article bodies and inline snippets with one shared, immutable Markdig pipeline (safe across threads),
/// applying the site's raw-HTML policy (<see cref="RawHtmlMode"/>) and URL policy (<see cref="UrlPolicy"/>).
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Warnings listed per body; a pasted page can hold thousands of removed attributes.</summary>
    public const int MaxWarningsPerBody = 20;

    private readonly MarkdownPipeline _pipeline;

    /// <summary>Front-matter snippets (key points, corrections) are short text: raw HTML in them is shown as text.</summary>
    private readonly MarkdownPipeline _inlinePipeline;

    private readonly RawHtmlMode _rawHtml;
    // Built on first use: the sanitizer's style parser is slow to set up, and a rebuild that
    // renders no body with raw HTML in it never needs it.
    private readonly Lazy<BodySanitizer>? _sanitizer;
    private readonly TimeSpan _renderBudget;

    public MarkdownRenderer(MarkdownConfig config, TimeSpan? renderBudget = null)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes();
        builder.Extensions.Add(new HeadingIds());
        if (config.SmartPunctuation)
        {
            builder.UseSmartyPants();
        }

        // Last, so that it sees every parser the others added.
        builder.Extensions.Add(new BodyGuards());
        _pipeline = builder.Build();
        var inline = new MarkdownPipelineBuilder().DisableHtml();
        if (config.SmartPunctuation)
        {
            inline.UseSmartyPants();
        }

        inline.Extensions.Add(new BodyGuards());
        _inlinePipeline = inline.Build();
        _rawHtml = config.RawHtml;
        _sanitizer = config.RawHtml == RawHtmlMode.Sanitize ? new Lazy<BodySanitizer>(() => new BodySanitizer(config.EmbedHosts)) : null;
        _renderBudget = renderBudget ?? FrontMatter.ArticleLimits.DefaultRenderBudget;
    }

    /// <param name="dateline">Printed before the first paragraph, unless the paragraph already opens with it.</param>
    /// <param name="cutAfterParagraph">Top-level paragraph after which the body is cut (0: no cut).</param>
    /// <param name="bodyStart">Where the body starts in its file, so that warnings point into the file.</param>
    public RenderedBody RenderBody(string markdown, string? dateline, int cutAfterParagraph, SourceLocation? bodyStart = null)
    {
        var origin = bodyStart is { } start ? new BodyOrigin(start.Path, start.Line) : new BodyOrigin("", 1);
        var deadline = RenderDeadline.After(_renderBudget);
        try
        {
            return Render(markdown, dateline, cutAfterParagraph, origin, deadline);
        }
        catch (OperationCanceledException) when (deadline.IsExpired)
        {
            return Refused(origin, TooSlow("body"));
        }
        catch (BodyTooLarge exception)
        {
            return Refused(origin, exception.Message, new SourceLocation(origin.Path, origin.FirstLine + exception.Line, 1));
        }
        catch (ArgumentException exception)
        {
            // Markdig's own guard against runaway nesting ("too deeply nested - depth limit exceeded").
            return Refused(origin, $"the body cannot be rendered: {exception.Message.TrimEnd('.')}");
        }
    }

    /// <summary>Inline Markdown (key points, corrections) as HTML without a wrapping paragraph.</summary>
    /// <remarks>A snippet too complex to render is shown as escaped text; <see cref="CheckInline"/> reports it.</remarks>
    public string RenderInline(string markdown)
    {
        if (IsPlainText(markdown))
        {
            return markdown.Trim();
        }

        if (ParseInline(markdown, null, []) is not { } document)
        {
            return System.Net.WebUtility.HtmlEncode(markdown.Trim());
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        _inlinePipeline.Setup(renderer);
        renderer.Render(document);
        renderer.Writer.Flush();
        return writer.ToString().Trim();
    }

    /// <summary>
    /// The unsafe links of an inline snippet, and whether it is too complex to render, reported at the snippet's
    /// place in the front matter.
    /// </summary>
    public IReadOnlyList<Diagnostic> CheckInline(string markdown, SourceLocation at)
    {
        var diagnostics = new List<Diagnostic>();
        if (IsPlainText(markdown))
        {
            return diagnostics;
        }

        ParseInline(markdown, at, diagnostics);
        return diagnostics;
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
        if (ParseInline(markdown, out _) is not { } document)
        {
            return markdown.Trim();
        }

        return string.Join(' ', document.Descendants<LeafBlock>().Select(b => PlainText.Of(b.Inline)).Where(t => t.Length > 0));
    }

    private MarkdownDocument? ParseInline(string markdown, SourceLocation? at, List<Diagnostic> diagnostics)
    {
        if (ParseInline(markdown, out var refusal) is not { } document)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BodyTooComplex, refusal + " (in the front matter)", at));
            return null;
        }

        if (_rawHtml != RawHtmlMode.Allow)
        {
            var found = new List<Diagnostic>();
            UnsafeLinks.Neutralise(document, new BodyOrigin(at?.Path ?? "", 1), found);

            // A YAML value has no line structure of its own to point into: every finding points at the value.
            diagnostics.AddRange(found.Select(d => d with { Location = at, Message = d.Message + " (in the front matter)" }));
        }

        return document;
    }

    /// <summary>A snippet parsed within the render budget, or null and why it could not be.</summary>
    private MarkdownDocument? ParseInline(string markdown, out string refusal)
    {
        var deadline = RenderDeadline.After(_renderBudget);
        try
        {
            refusal = "";
            return Markdig.Markdown.Parse(markdown, _inlinePipeline, RenderBudget.Context(deadline));
        }
        catch (OperationCanceledException) when (deadline.IsExpired)
        {
            refusal = TooSlow("text");
        }
        catch (BodyTooLarge exception)
        {
            refusal = "the text cannot be rendered: " + exception.Message;
        }
        catch (ArgumentException exception)
        {
            refusal = $"the text cannot be rendered: {exception.Message.TrimEnd('.')}";
        }

        return null;
    }

    private string TooSlow(string what) => string.Create(
        CultureInfo.InvariantCulture,
        $"the {what} took longer than {_renderBudget.TotalSeconds:0.#} s to render; it may hold thousands of unclosed links, brackets or tags");

    private RenderedBody Render(string markdown, string? dateline, int cutAfterParagraph, BodyOrigin origin, RenderDeadline deadline)
    {
        var diagnostics = new List<Diagnostic>();
        var document = Markdig.Markdown.Parse(markdown, _pipeline, RenderBudget.Context(deadline));
        List<MarkdownObject> raw = [];
        if (_rawHtml != RawHtmlMode.Allow)
        {
            UnsafeLinks.Neutralise(document, origin, diagnostics);
            raw = RawHtmlNodes.In(document);
            if (_rawHtml == RawHtmlMode.Strip)
            {
                RawHtmlNodes.Strip(raw);
                raw = [];
            }
        }

        var firstParagraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        var firstText = firstParagraph is null ? "" : PlainText.Of(firstParagraph.Inline);
        if (firstParagraph is not null && dateline is not null)
        {
            Datelines.Mark(firstParagraph, dateline);
            firstText = Datelines.StripLeading(firstText, dateline);
        }

        // Only a body with raw HTML goes through the sanitizer: everything else Markdig escapes itself.
        var markers = raw.Count > 0 && _sanitizer is not null ? new RawHtmlMarkers(raw, origin) : null;

        // Sized for the HTML up front: growing chunk by chunk from empty allocated twice the body's HTML.
        using var writer = new StringWriter(new System.Text.StringBuilder(markdown.Length + markdown.Length / 4 + 256), CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        markers?.Install(renderer);
        string? head = null;
        var paragraphs = 0;
        foreach (var block in document)
        {
            deadline.Check();
            renderer.Render(block);
            if (block is ParagraphBlock && ++paragraphs == cutAfterParagraph && head is null)
            {
                renderer.Writer.Flush();
                head = writer.ToString();
                if (markers is not null)
                {
                    renderer.Write(markers.Cut);
                }
            }
        }

        renderer.Writer.Flush();
        var all = writer.ToString();
        var words = PlainText.CountWords(document);
        if (markers is not null)
        {
            var clean = _sanitizer!.Value.Sanitize(all, markers, origin, deadline);
            diagnostics.AddRange(clean.Diagnostics);
            var hasTail = !string.IsNullOrWhiteSpace(clean.Tail);
            return new RenderedBody(hasTail ? clean.Head : clean.Head + clean.Tail, hasTail ? clean.Tail : "", firstText, words) { Diagnostics = Limit(diagnostics, origin) };
        }

        var isCut = head is not null && head.Length < all.Length;
        return new RenderedBody(isCut ? head! : all, isCut ? all[head!.Length..] : "", firstText, words) { Diagnostics = Limit(diagnostics, origin) };
    }

    /// <summary>The first <see cref="MaxWarningsPerBody"/> findings in file order, and a count of the rest.</summary>
    private static List<Diagnostic> Limit(List<Diagnostic> diagnostics, BodyOrigin origin)
    {
        if (diagnostics.Count <= MaxWarningsPerBody)
        {
            return diagnostics;
        }

        var kept = diagnostics.OrderBy(d => d.Location?.Line).ThenBy(d => d.Location?.Column).Take(MaxWarningsPerBody).ToList();
        var last = kept[^1].Location ?? origin.Start;
        kept.Add(Diagnostic.Warning(
            DiagnosticCodes.RawHtmlRemoved,
            string.Create(CultureInfo.InvariantCulture, $"{diagnostics.Count - MaxWarningsPerBody} more links or tags after line {last.Line} were removed and are not listed one by one"),
            origin.Start));
        return kept;
    }

    private static RenderedBody Refused(BodyOrigin origin, string message, SourceLocation? at = null) =>
        new("", "", "", 0) { Diagnostics = [Diagnostic.Error(DiagnosticCodes.BodyTooComplex, message, at ?? origin.Start)] };
}
