using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Routing;

namespace NewsSite.Feeds;

/// <summary>Writes every feed of the site: RSS and Atom for the site and each section, tag and author; JSON Feed for the site.</summary>
internal sealed class SiteFeeds(SiteModel site, SiteUrls urls, FeedItemFactory items)
{
    /// <returns>The number of feed files written.</returns>
    public int Write(OutputWriter output, DiagnosticBag diagnostics)
    {
        var sources = FeedCatalog.Create(site);

        // An article sits in many feeds; its item (and its absolutized body) is made once.
        var needed = sources.SelectMany(s => s.Entries).Distinct(ReferenceEqualityComparer.Instance).Cast<Entry>().ToList();
        var made = new FeedItem[needed.Count];
        Parallel.For(0, needed.Count, i => made[i] = items.Create(needed[i]));
        var byEntry = new Dictionary<Entry, FeedItem>(needed.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < needed.Count; i++)
        {
            byEntry[needed[i]] = made[i];
        }

        var written = 0;
        Parallel.ForEach(sources, source =>
        {
            var channel = Channel(source, [.. source.Entries.Select(e => byEntry[e])]);
            var count = Put(output, diagnostics, FeedRoutes.Rss(source.ListRoute), RssFeedWriter.Write(channel))
                + Put(output, diagnostics, FeedRoutes.Atom(source.ListRoute), AtomFeedWriter.Write(channel))
                + (source.HasJsonFeed ? Put(output, diagnostics, FeedRoutes.Json, JsonFeedWriter.Write(channel)) : 0);
            Interlocked.Add(ref written, count);
        });
        return written;
    }

    private FeedChannel Channel(FeedSource source, IReadOnlyList<FeedItem> items)
    {
        var config = site.Config;
        return new FeedChannel
        {
            Title = source.Title,
            Description = source.Description,
            Language = config.Language,
            PageUrl = urls.Absolute(source.ListRoute),
            RssUrl = urls.Absolute(FeedRoutes.Rss(source.ListRoute)),
            AtomUrl = urls.Absolute(FeedRoutes.Atom(source.ListRoute)),
            JsonUrl = urls.Absolute(FeedRoutes.Json),
            PublisherName = config.Publisher?.Name ?? config.Title,
            LogoUrl = config.Publisher?.Logo is { } logo ? urls.Absolute(logo) : null,
            Updated = items.Count > 0 ? items.Max(i => i.LastChanged) : config.TimeZone.InZone(site.Now),
            Items = items,
        };
    }

    private static int Put(OutputWriter output, DiagnosticBag diagnostics, string route, byte[] bytes)
    {
        var file = OutputPaths.ToRelativeFile(route);
        if (file is null || !output.TryWrite(file, bytes))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"the feed {route} collides with another output file", null));
            return 0;
        }

        return 1;
    }
}
