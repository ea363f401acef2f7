namespace NewsSite.Feeds;

/// <summary>An article as every feed format carries it: absolute URLs, dates in the site's time zone.</summary>
internal sealed record FeedItem
{
    /// <summary>The article's permanent URL, which is also its id (RSS guid, Atom id, JSON Feed id).</summary>
    public required string Url { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    /// <summary>The body as HTML with absolute links, when the site publishes full content; else null.</summary>
    public string? ContentHtml { get; init; }

    public required DateTimeOffset Published { get; init; }

    /// <summary>The last update or correction, when there was one after publication.</summary>
    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];

    /// <summary>The section's name, then the tags', without repeats.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public FeedImage? Image { get; init; }

    public DateTimeOffset LastChanged => Updated ?? Published;
}

internal sealed record FeedPerson(string Name, string Url);

/// <param name="MimeType">From the file extension; null when it is not a known image type.</param>
/// <param name="Length">The file's size in bytes when it is one of the site's files; RSS enclosures need it.</param>
internal sealed record FeedImage(string Url, string Alt, string? MimeType, long? Length);

/// <summary>A feed ready to be written: the list's metadata and its items, newest first.</summary>
internal sealed record FeedChannel
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Language { get; init; }

    /// <summary>The HTML page the feed follows.</summary>
    public required string PageUrl { get; init; }

    public required string RssUrl { get; init; }

    public required string AtomUrl { get; init; }

    public required string JsonUrl { get; init; }

    public required string PublisherName { get; init; }

    public string? LogoUrl { get; init; }

    /// <summary>The newest change among the items; for an empty feed, the site's newest change.</summary>
    public required DateTimeOffset Updated { get; init; }

    public required IReadOnlyList<FeedItem> Items { get; init; }
}
