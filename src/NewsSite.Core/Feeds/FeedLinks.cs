using NewsSite.Routing;
using NewsSite.Templates;

namespace NewsSite.Feeds;

/// <summary>
/// The <c>&lt;link rel="alternate"&gt;</c> entries a page advertises: the site's feeds on every page, a list's own
/// feeds first on its pages, and an article's section feeds after the site's.
/// </summary>
internal sealed class FeedLinks
{
    public const string RssType = "application/rss+xml";
    public const string AtomType = "application/atom+xml";
    public const string JsonType = "application/feed+json";

    private readonly Dictionary<string, IReadOnlyList<FeedLinkView>> _own = new(StringComparer.Ordinal);

    public FeedLinks(IReadOnlyList<FeedSource> sources, SiteUrls urls)
    {
        foreach (var source in sources)
        {
            var links = new List<FeedLinkView>
            {
                new(RssType, $"{source.Title} (RSS)", urls.Absolute(FeedRoutes.Rss(source.ListRoute))),
                new(AtomType, $"{source.Title} (Atom)", urls.Absolute(FeedRoutes.Atom(source.ListRoute))),
            };
            if (source.HasJsonFeed)
            {
                links.Add(new(JsonType, $"{source.Title} (JSON Feed)", urls.Absolute(FeedRoutes.Json)));
            }

            _own[source.ListRoute] = links;
        }

        Site = _own.TryGetValue("/", out var site) ? site : [];
    }

    /// <summary>The whole site's feeds, for pages that have none of their own.</summary>
    public IReadOnlyList<FeedLinkView> Site { get; }

    /// <summary>
    /// For any page of a list that has feeds (page 1 or <c>/world/page/2/</c>), its feeds then the site's;
    /// for other pages the site's.
    /// </summary>
    public IReadOnlyList<FeedLinkView> ForPage(string route)
    {
        var list = NumberedPages.ListRoute(route);
        return list != "/" && _own.TryGetValue(list, out var own) ? [.. own, .. Site] : Site;
    }

    /// <summary>The site's feeds, then those of the article's section.</summary>
    public IReadOnlyList<FeedLinkView> ForArticle(string? sectionRoute) =>
        sectionRoute is not null && _own.TryGetValue(sectionRoute, out var section) ? [.. Site, .. section] : Site;
}
