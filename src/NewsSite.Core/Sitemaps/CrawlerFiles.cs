using System.Text;
using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Routing;

namespace NewsSite.Sitemaps;

/// <summary>Writes what search engines read: <c>sitemap.xml</c> (or an index and its parts), <c>news-sitemap.xml</c> and <c>robots.txt</c>.</summary>
internal sealed class CrawlerFiles(SiteModel site, SiteUrls urls)
{
    public const string RobotsFileName = "robots.txt";

    /// <param name="pageRoutes">The routes of the pages written that search engines may index.</param>
    /// <param name="siteHasOwnRobots">The site ships its own <c>content/robots.txt</c>, which then wins.</param>
    /// <returns>The number of files written.</returns>
    public int Write(IEnumerable<string> pageRoutes, bool siteHasOwnRobots, OutputWriter output, DiagnosticBag diagnostics)
    {
        var dates = new PageDates(site);
        var pages = pageRoutes
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(route => new SitemapUrl(urls.Absolute(route), dates.LastModified(route)))
            .ToList();
        var written = 0;
        foreach (var file in new SitemapWriter().Write(pages, urls.Absolute))
        {
            written += Put(output, diagnostics, file.RelativePath, file.Bytes);
        }

        var news = NewsSitemapWriter.Select(site.Entries, site.Now)
            .Select(e => (urls.Absolute(e.Route), e.Article))
            .ToList();
        var config = site.Config;
        written += Put(output, diagnostics, NewsSitemapWriter.FileName, NewsSitemapWriter.Write(news, config.Publisher?.Name ?? config.Title, NewsSitemapWriter.Language(config.Language)));

        if (!siteHasOwnRobots)
        {
            written += Put(output, diagnostics, RobotsFileName, Encoding.UTF8.GetBytes(RobotsText()));
        }

        return written;
    }

    /// <summary>Crawlers read robots.txt only at the host's root; under a base path it is written all the same.</summary>
    private string RobotsText() =>
        "User-agent: *\nAllow: /\n\n"
        + $"Sitemap: {urls.Absolute("/" + SitemapWriter.FileName)}\n"
        + $"Sitemap: {urls.Absolute("/" + NewsSitemapWriter.FileName)}\n";

    private static int Put(OutputWriter output, DiagnosticBag diagnostics, string relativePath, byte[] bytes)
    {
        if (!output.TryWrite(relativePath, bytes))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"/{relativePath} collides with another output file", null));
            return 0;
        }

        return 1;
    }
}
