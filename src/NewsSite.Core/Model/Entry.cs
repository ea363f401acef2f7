using NewsSite.FrontMatter;
namespace NewsSite.Model;

/// <summary>
/// A published article placed in the site: its URL, section, terms, neighbours and related articles resolved. Only
/// the model builder sets them (the entries point at each other, so they are made first and linked after); the
/// model is not changed once built.
/// </summary>
public sealed class Entry
{
    public required Article Article { get; init; }

    /// <summary>Position in the site's newest-first order: a cheap, stable key for ordering and lookups.</summary>
    public required int Index { get; init; }

    /// <summary>Site path (<c>/world/2025/04/30/quake/</c>), before the base path is prefixed.</summary>
    public required string Route { get; init; }

    public Section? Section { get; internal set; }

    public IReadOnlyList<Term> Tags { get; internal set; } = [];

    public IReadOnlyList<Term> Authors { get; internal set; } = [];

    /// <summary>Site path of the lead image, or an absolute URL; null when there is none.</summary>
    public string? ImageUrl { get; init; }

    public IReadOnlyList<Entry> Related { get; internal set; } = [];

    public Entry? PreviousInSection { get; internal set; }

    public Entry? NextInSection { get; internal set; }
}
