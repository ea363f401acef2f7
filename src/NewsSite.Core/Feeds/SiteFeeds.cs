using NewsSite.Caching;
using NewsSite.FrontMatter;
using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Routing;

namespace NewsSite.Feeds;

/// <summary>Writes every feed of the site: RSS and Atom for the site and each section, tag and author; JSON Feed for the site.</summary>
internal sealed class SiteFeeds(SiteModel site, SiteUrls urls, FeedItemFactory items, FeedFingerprints fingerprints)
{
    /// <summary>
    /// A feed with no items is dated by the site's newest change (the Unix epoch on a site without articles), not
    /// by the build: two builds of the same files must write the same bytes.
    /// </summary>
    private readonly Lazy<DateTimeOffset> _emptyFeedDate = new(() => site.Config.TimeZone.InZone(
        site.Entries
            .Where(e => !e.Article.Draft)
            .Select(e => e.Article.LastChanged)
            .DefaultIfEmpty(DateTimeOffset.UnixEpoch)
            .Max()));

    /// <returns>The number of feed files written or kept.</returns>
    public int Write(OutputWriter output, DiagnosticBag diagnostics)
    {
        var sources = FeedCatalog.Create(site);

        // An article sits in many feeds; its item, its key and its absolutized body are made once.
        var needed = sources.SelectMany(s => s.Entries).Distinct(ReferenceEqualityComparer.Instance).Cast<Entry>().ToList();
        var made = new FeedItem[needed.Count];
        var keys = new Hash128[needed.Count];
        Parallel.For(0, needed.Count, i =>
        {
            made[i] = items.Create(needed[i]);
            keys[i] = fingerprints.Item(needed[i], made[i]);
        });
        var slots = new Dictionary<Entry, int>(needed.Count, ReferenceEqualityComparer.Instance);
        var full = new Lazy<FeedItem>[needed.Count];
        for (var i = 0; i < needed.Count; i++)
        {
            var slot = i;
            slots[needed[slot]] = slot;
            full[slot] = new Lazy<FeedItem>(() => items.WithContent(made[slot], needed[slot]));
        }

        var written = 0;
        Parallel.ForEach(sources, source =>
        {
            var indexes = source.Entries.Select(e => slots[e]).ToList();
            var channel = Channel(source, [.. indexes.Select(i => made[i])]);
            var itemKeys = indexes.Select(i => keys[i]).ToList();
            var withContent = new Lazy<FeedChannel>(() => channel with { Items = [.. indexes.Select(i => full[i].Value)] });
            var count = Put(output, diagnostics, FeedRoutes.Rss(source.ListRoute), channel, itemKeys, () => RssFeedWriter.Write(withContent.Value))
                + Put(output, diagnostics, FeedRoutes.Atom(source.ListRoute), channel, itemKeys, () => AtomFeedWriter.Write(withContent.Value))
                + (source.HasJsonFeed ? Put(output, diagnostics, FeedRoutes.Json, channel, itemKeys, () => JsonFeedWriter.Write(withContent.Value)) : 0);
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
            Updated = items.Count > 0 ? items.Max(i => i.LastChanged) : _emptyFeedDate.Value,
            Items = items,
        };
    }

    /// <summary>Keeps the previous build's file when its fingerprint is unchanged; otherwise writes the feed.</summary>
    private int Put(OutputWriter output, DiagnosticBag diagnostics, string route, FeedChannel channel, IReadOnlyList<Hash128> itemKeys, Func<byte[]> write)
    {
        var file = OutputPaths.ToRelativeFile(route);
        if (file is not null)
        {
            var fingerprint = fingerprints.Feed(file, channel, itemKeys);
            if (output.TryKeep(file, fingerprint) || output.TryWrite(file, write(), fingerprint))
            {
                return 1;
            }
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"the feed {route} collides with another output file", null));
        return 0;
    }
}
