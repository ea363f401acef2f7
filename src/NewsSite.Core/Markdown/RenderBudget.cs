using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;

namespace NewsSite.Markdown;

/// <summary>
/// Bounds the time one body may take to render. Markdig needs quadratic time for some inputs (thousands of
/// unclosed links such as <c>[a](</c> repeated: 640 kB take minutes), so a pasted or hostile file could stall
/// the build. This inline parser matches nothing: it runs first for the characters that start links,
/// emphasis, code and HTML, and stops the parse once the body's time is up.
/// </summary>
internal sealed class RenderBudget : InlineParser
{
    private static readonly object Key = new();

    public RenderBudget()
    {
        OpeningCharacters = ['[', ']', '!', '*', '_', '`', '<', '&', '\\', '|', '"', '\'', '~', '^', '('];
    }

    /// <summary>A parser context that carries the deadline this guard checks.</summary>
    public static MarkdownParserContext Context(RenderDeadline deadline)
    {
        var context = new MarkdownParserContext();
        context.Properties[Key] = deadline;
        return context;
    }

    /// <summary>Stops the parse if the deadline in <paramref name="context"/> has passed (no deadline: never).</summary>
    /// <exception cref="OperationCanceledException">The time is up.</exception>
    public static void Check(MarkdownParserContext? context)
    {
        if (context?.Properties.TryGetValue(Key, out var value) == true && value is RenderDeadline deadline)
        {
            deadline.Check();
        }
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        Check(processor.Context);
        return false;
    }
}
