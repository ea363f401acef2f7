using NewsSite.Model;

namespace NewsSite.Feeds;

/// <summary>Decides which feeds the site has: one for the site, and one per section, tag and author.</summary>
internal static class FeedCatalog
{
    public static IReadOnlyList<FeedSource> Create(SiteModel site)
    {
        var config = site.Config;
        var limit = config.Feeds.Limit;
        var title = config.Title;
        var sources = new List<FeedSource>
        {
            new("/", title, config.Description.Length > 0 ? config.Description : $"The latest news from {title}.", Latest(site.Entries, limit), HasJsonFeed: true),
        };
        sources.AddRange(site.Sections.Select(s =>
            new FeedSource(s.Route, $"{s.Name} | {title}", $"The latest {s.Name} news from {title}.", Latest(s.Entries, limit), false)));
        sources.AddRange(site.Tags.Select(t =>
            new FeedSource(t.Route, $"{t.Name} | {title}", $"Articles about {t.Name} from {title}.", Latest(t.Entries, limit), false)));
        sources.AddRange(site.Authors.Select(a =>
            new FeedSource(a.Route, $"{a.Name} | {title}", $"Articles by {a.Name} for {title}.", Latest(a.Entries, limit), false)));
        return sources;
    }

    /// <summary>Drafts appear in a <c>--drafts</c> preview build, never in its feeds.</summary>
    private static List<Entry> Latest(IEnumerable<Entry> entries, int limit) =>
        [.. entries.Where(e => !e.Article.Draft).Take(limit)];
}
