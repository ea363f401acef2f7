using NewsSite.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>An article body as HTML, cut where the in-body advertisement slot goes.</summary>
/// <param name="Head">The body up to and including paragraph N (all of it when there is no cut).</param>
/// <param name="Tail">The rest of the body after the cut; empty when the body is shorter.</param>
/// <param name="FirstParagraph">The first paragraph as plain text, for summaries.</param>
/// <param name="WordCount">Words of running text, for reading time.</param>
public sealed record RenderedBody(string Head, string Tail, string FirstParagraph, int WordCount)
{
    public string Html => Head + Tail;

    public bool HasCut => Tail.Length > 0;

    /// <summary>What rendering removed or refused (unsafe links, raw HTML), at file positions.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
