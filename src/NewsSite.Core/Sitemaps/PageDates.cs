using NewsSite.Model;
using NewsSite.Routing;

namespace NewsSite.Sitemaps;

/// <summary>
/// The last significant change of each page, for <c>lastmod</c>. An article changed when it was last updated or
/// corrected. A list (and each of its numbered pages, since a new story shifts them all) changed when its newest
/// story did; any other page when the site's newest story did.
/// </summary>
internal sealed class PageDates
{
    private readonly Dictionary<string, DateTimeOffset> _byRoute = new(StringComparer.Ordinal);
    private readonly DateTimeOffset? _newest;

    public PageDates(SiteModel site)
    {
        var zone = site.Config.TimeZone;
        foreach (var entry in site.Entries)
        {
            _byRoute[entry.Route] = zone.InZone(entry.Article.LastChanged);
        }

        _newest = Newest(site.Entries);
        var lists = site.Sections.Select(s => (s.Route, (IReadOnlyList<Entry>)s.Entries))
            .Concat(site.Tags.Select(t => (t.Route, (IReadOnlyList<Entry>)t.Entries)))
            .Concat(site.Authors.Select(a => (a.Route, (IReadOnlyList<Entry>)a.Entries)))
            .Concat(site.Archives.Select(a => (a.Route, (IReadOnlyList<Entry>)a.Entries)));
        foreach (var (route, entries) in lists)
        {
            if (Newest(entries) is { } newest)
            {
                _byRoute.TryAdd(route, zone.InZone(newest));
            }
        }
    }

    public DateTimeOffset? LastModified(string route)
    {
        if (_byRoute.TryGetValue(route, out var date))
        {
            return date;
        }

        return _byRoute.TryGetValue(NumberedPages.ListRoute(route), out var listDate) ? listDate : _newest;
    }

    /// <summary>Drafts shown in a preview build do not count: their pages are not in the sitemap.</summary>
    private static DateTimeOffset? Newest(IEnumerable<Entry> entries)
    {
        DateTimeOffset? newest = null;
        foreach (var entry in entries)
        {
            if (!entry.Article.Draft && (newest is null || entry.Article.LastChanged > newest))
            {
                newest = entry.Article.LastChanged;
            }
        }

        return newest;
    }
}
