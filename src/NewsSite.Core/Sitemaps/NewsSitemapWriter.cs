using NewsSite.FrontMatter;
using System.Xml;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Time;

namespace NewsSite.Sitemaps;

/// <summary>
/// Writes <c>news-sitemap.xml</c> for Google News: the articles published in the 48 hours up to the build's "now",
/// newest first, at most 1,000.
/// </summary>
internal static class NewsSitemapWriter
{
    public const string FileName = "news-sitemap.xml";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    public const int MaxArticles = 1000;
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    /// <summary>
    /// Published at or after <c>now - 48h</c> and not after <c>now</c> (a <c>--future</c> build's scheduled
    /// stories are not news yet); drafts never. <paramref name="entries"/> are newest first, so the cap keeps the newest.
    /// </summary>
    public static IReadOnlyList<Entry> Select(IEnumerable<Entry> entries, DateTimeOffset now) =>
        [.. entries
            .Where(e => !e.Article.Draft && e.Article.Date <= now && e.Article.Date >= now - Window)
            .OrderByDescending(e => e.Article.Date)
            .Take(MaxArticles)];

    /// <summary>The next moment after <paramref name="now"/> at which <see cref="Select"/> would choose differently.</summary>
    public static DateTimeOffset? NextChange(IEnumerable<Entry> entries, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var entry in entries.Where(e => !e.Article.Draft))
        {
            var date = entry.Article.Date;
            DateTimeOffset? moment = date > now ? date : date >= now - Window ? date + Window : null;
            if (moment is { } m && (next is null || m < next))
            {
                next = m;
            }
        }

        return next;
    }

    /// <param name="articles">The selected articles with their absolute URLs.</param>
    /// <param name="publication">The publication's name as Google News knows it.</param>
    /// <param name="language">An ISO 639 code, see <see cref="Language"/>.</param>
    public static byte[] Write(IReadOnlyList<(string Url, Article Article)> articles, string publication, string language) => XmlOutput.Write(w =>
    {
        w.WriteStartDocument();
        w.WriteStartElement("urlset", SitemapWriter.Namespace);
        w.WriteAttributeString("xmlns", SitemapWriter.Namespace);
        w.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var (url, article) in articles)
        {
            w.WriteStartElement("url", SitemapWriter.Namespace);
            w.WriteElementString("loc", SitemapWriter.Namespace, XmlOutput.Clean(url));
            w.WriteStartElement("news", "news", NewsNamespace);
            w.WriteStartElement("news", "publication", NewsNamespace);
            w.WriteElementString("news", "name", NewsNamespace, XmlOutput.Clean(publication));
            w.WriteElementString("news", "language", NewsNamespace, language);
            w.WriteEndElement();
            w.WriteElementString("news", "publication_date", NewsNamespace, InternetDates.Rfc3339(article.Date));
            w.WriteElementString("news", "title", NewsNamespace, XmlOutput.Clean(article.Headline));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    });

    /// <summary>
    /// Google News takes ISO 639 codes (<c>en</c>, <c>pt</c>), except <c>zh-cn</c> and <c>zh-tw</c> for the two
    /// Chinese scripts; the site's BCP 47 tag is reduced to that.
    /// </summary>
    public static string Language(string tag)
    {
        var lower = tag.ToLowerInvariant();
        if (lower.StartsWith("zh-", StringComparison.Ordinal))
        {
            if (lower is "zh-tw" or "zh-hk" or "zh-mo" || lower.StartsWith("zh-hant", StringComparison.Ordinal))
            {
                return "zh-tw";
            }

            return "zh-cn";
        }

        var dash = lower.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? lower : lower[..dash];
    }
}
