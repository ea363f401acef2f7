using NewsSite.Configuration;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Routing;

namespace NewsSite.Feeds;

/// <summary>Turns an entry into a <see cref="FeedItem"/>; made once per article and shared by all its feeds.</summary>
internal sealed class FeedItemFactory(SiteConfig config, SiteUrls urls, IReadOnlyDictionary<string, string> assetFiles, ArticleBodies bodies)
{
    /// <summary>The item without its body; <see cref="WithContent"/> adds it when a feed has to be written.</summary>
    public FeedItem Create(Entry entry)
    {
        var article = entry.Article;
        var zone = config.TimeZone;
        var url = urls.Absolute(entry.Route);
        var published = zone.InZone(article.Date);
        DateTimeOffset? updated = article.LastModified is { } modified && modified > article.Date ? zone.InZone(modified) : null;

        var categories = new List<string>();
        if (entry.Section is { } section)
        {
            categories.Add(section.Name);
        }

        foreach (var tag in entry.Tags)
        {
            if (!categories.Contains(tag.Name, StringComparer.OrdinalIgnoreCase))
            {
                categories.Add(tag.Name);
            }
        }

        return new FeedItem
        {
            Url = url,
            Title = article.Headline,
            Summary = bodies.SummaryOf(entry.Article),
            Published = published,
            Updated = updated,
            Authors = [.. entry.Authors.Select(a => new FeedPerson(a.Name, urls.Absolute(a.Route)))],
            Categories = categories,
            Image = Image(entry),
        };
    }

    /// <summary>The item with the body as HTML with absolute links, when the site publishes full content.</summary>
    public FeedItem WithContent(FeedItem item, Entry entry) => config.Feeds.FullContent
        ? item with { ContentHtml = HtmlUrlResolver.Absolutize(bodies.Render(entry.Article).Html, new Uri(item.Url)) }
        : item;

    private FeedImage? Image(Entry entry)
    {
        if (entry.ImageUrl is not { } path || entry.Article.Image is not { } image)
        {
            return null;
        }

        long? length = assetFiles.TryGetValue(path, out var file) && File.Exists(file) ? new FileInfo(file).Length : null;
        return new FeedImage(urls.Absolute(path), image.Alt, ImageTypes.Of(path), length);
    }
}
