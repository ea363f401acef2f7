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

    private RenderedBody? _body;

    /// <summary>Renders the body on first use; bodies of pages an incremental build keeps are never rendered.</summary>
    public Func<Entry, RenderedBody>? BodyRenderer { get; set; }

    /// <summary>The rendered body, made on first use by <see cref="BodyRenderer"/>.</summary>
    public RenderedBody? Body
    {
        get => _body ??= BodyRenderer?.Invoke(this);
        set => _body = value;
    }

    /// <summary>The front-matter summary, or the body's first paragraph cut at a word boundary.</summary>
    public string Summary { get; set; } = "";

    public IReadOnlyList<Entry> Related { get; set; } = [];

    public Entry? PreviousInSection { get; set; }

    public Entry? NextInSection { get; set; }
}
