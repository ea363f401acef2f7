using NewsSite.Markdown;

namespace NewsSite.Model;

/// <summary>A published article placed in the site: its URL, section and terms resolved.</summary>
public sealed class Entry
{
    public required Article Article { get; init; }

    /// <summary>Position in the site's newest-first order: a cheap, stable key for ordering and lookups.</summary>
    public required int Index { get; init; }

    /// <summary>Site path (<c>/world/2025/04/30/quake/</c>), before the base path is prefixed.</summary>
    public required string Route { get; init; }

    public Section? Section { get; set; }

    public IReadOnlyList<Term> Tags { get; set; } = [];

    public IReadOnlyList<Term> Authors { get; set; } = [];

    /// <summary>Site path of the lead image, or an absolute URL; null when there is none.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>How this entry's body is rendered; set by the build once the Markdown settings are known.</summary>
    public Func<Entry, RenderedBody>? BodyRenderer { get; set; }

    /// <summary>
    /// Renders the body anew on every call. Bodies are never kept: the page, the body checks and search all take
    /// what they need from one render, so memory does not grow with the archive.
    /// </summary>
    public RenderedBody RenderBody() =>
        (BodyRenderer ?? throw new InvalidOperationException($"{Article.SourcePath}: no body renderer was set"))(this);

    /// <summary>The front-matter summary, or the body's first paragraph cut at a word boundary.</summary>
    public string Summary { get; set; } = "";

    public IReadOnlyList<Entry> Related { get; set; } = [];

    public Entry? PreviousInSection { get; set; }

    public Entry? NextInSection { get; set; }
}
