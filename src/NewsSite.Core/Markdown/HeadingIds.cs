using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsSite.Markdown;

/// <summary>
/// GitHub-style heading ids (<c>## Rescue teams</c> gets <c>rescue-teams</c>, a repeat <c>rescue-teams-1</c>),
/// the same ids as Markdig's auto-identifiers. Markdig probes <c>-1</c>, <c>-2</c>, … afresh for every repeat,
/// which is quadratic in the number of repeats. This one keeps the next suffix per id.
/// </summary>
internal sealed class HeadingIds : IMarkdownExtension
{
    private static readonly object Key = new();

    private readonly ProcessInlineDelegate _assign = Assign;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // A setext heading starts as a paragraph, so the paragraph parser closes it.
        pipeline.BlockParsers.Find<HeadingBlockParser>()!.Closed += OnClosed;
        pipeline.BlockParsers.FindExact<ParagraphBlockParser>()!.Closed += OnClosed;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            // The id is made from the heading's inlines, which exist only once the inline phase has run.
            heading.ProcessInlinesEnd += _assign;
        }
    }

    private static void Assign(InlineProcessor processor, Inline? inline)
    {
        RenderBudget.Check(processor.Context);
        var heading = (HeadingBlock)processor.Block!;
        var attributes = heading.GetAttributes();
        if (heading.Inline is null || attributes.Id is not null)
        {
            return;
        }

        if (processor.Document.GetData(Key) is not DocumentIds ids)
        {
            ids = new DocumentIds();
            processor.Document.SetData(Key, ids);
        }

        attributes.Id = ids.Table.Take(ids.TextOf(heading.Inline));
    }

    /// <summary>One document's ids, and one renderer that reads its headings' text.</summary>
    private sealed class DocumentIds
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly HtmlRenderer _renderer;

        public DocumentIds()
        {
            _renderer = new HtmlRenderer(new StringWriter(_text, System.Globalization.CultureInfo.InvariantCulture))
            {
                EnableHtmlForInline = false,
                EnableHtmlEscape = false,
            };
        }

        public HeadingIdTable Table { get; } = new();

        /// <summary>The heading's text without markup, as an id; a heading without text is a "section".</summary>
        public string TextOf(ContainerInline inline)
        {
            _text.Clear();
            _renderer.Render(inline);
            _renderer.Writer.Flush();
            var id = LinkHelper.UrilizeAsGfm(_text.ToString());
            return id.Length == 0 ? "section" : id;
        }
    }
}

/// <summary>
/// The ids given out in one document. A repeated id gets the first free suffix, as Markdig numbers them; the next
/// suffix to try is kept per id, so every id taken costs one probe plus one per suffix already in use, and a
/// document of n headings costs O(n) probes whatever their text.
/// </summary>
internal sealed class HeadingIdTable
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastSuffix = new(StringComparer.Ordinal);

    /// <summary>How many ids were tried: the work done, for tests that check it grows linearly.</summary>
    public long Probes { get; private set; }

    public string Take(string id)
    {
        Probes++;
        if (_used.Add(id))
        {
            return id;
        }

        // Every suffix up to the last one given for this id is in use already: the search resumes after it.
        _lastSuffix.TryGetValue(id, out var suffix);
        string candidate;
        do
        {
            Probes++;
            suffix++;
            candidate = string.Concat(id, "-", suffix.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        while (!_used.Add(candidate));

        _lastSuffix[id] = suffix;
        return candidate;
    }
}
