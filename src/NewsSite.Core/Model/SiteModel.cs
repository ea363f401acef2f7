using NewsSite.Configuration;

namespace NewsSite.Model;

/// <summary>Everything known about the site once content is loaded and routed, before any page is rendered.</summary>
public sealed class SiteModel
{
    public required SiteConfig Config { get; init; }

    /// <summary>Published articles, newest first (ties by source path).</summary>
    public required IReadOnlyList<Entry> Entries { get; init; }

    /// <summary>Sections in navigation order: configured ones first, then others by name.</summary>
    public required IReadOnlyList<Section> Sections { get; init; }

    public required IReadOnlyList<Term> Tags { get; init; }

    public required IReadOnlyList<Term> Authors { get; init; }

    /// <summary>Years, then their months, newest first.</summary>
    public required IReadOnlyList<Archive> Archives { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The next moment the published set changes (a scheduled article, an expiry), if any.</summary>
    public DateTimeOffset? NextChange { get; init; }

    /// <summary>Every scheduled change after now, in time order; the first is <see cref="NextChange"/>.</summary>
    public IReadOnlyList<ScheduledChange> Upcoming { get; init; } = [];
}
