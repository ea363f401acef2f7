using System.Globalization;
using System.Xml.Linq;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class SitemapTests
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    // TestSite.DefaultNow is 2026-01-01T12:00:00Z.
    private const string Site = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        publisher: { name: Test Times Ltd }
        page_size: 1
        -- content/world/fresh.md --
        ---
        headline: Fresh story
        date: 2026-01-01T11:00:00Z
        tags: [Rain]
        ---
        Fresh.
        -- content/world/yesterday.md --
        ---
        headline: Yesterday's story
        date: 2025-12-30T13:00:00Z
        ---
        Yesterday.
        -- content/politics/stale.md --
        ---
        headline: Stale story
        date: 2025-12-30T11:00:00Z
        updated: 2025-12-31T08:00:00Z
        ---
        Stale.
        """;

    [Fact]
    public void Sitemap_lists_every_indexable_page_once_with_an_absolute_loc_and_lastmod()
    {
        var (site, built) = TestSite.Build(Site + Draft, o => o with { IncludeDrafts = true });
        using var _ = site;
        built.AssertSucceeded();

        var urls = built.Xml("sitemap.xml").Root!.Elements(Sm + "url").ToList();
        var locs = urls.Select(u => u.Element(Sm + "loc")!.Value).ToList();
        var pages = built.Files()
            .Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && built.Html(f).QuerySelector("meta[name=robots][content*=noindex]") is null)
            .Where(f => f != "search/index.html") // indexable, as a form, but no content of its own to list
            .Select(f => "https://news.example/" + f[..^"index.html".Length])
            .Order(StringComparer.Ordinal);
        Assert.Equal(pages, locs);
        Assert.DoesNotContain(locs, l => l.Contains("404", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.Contains("/draft/", StringComparison.Ordinal) || l.EndsWith("/search/", StringComparison.Ordinal));
        Assert.Contains("https://news.example/world/page/2/", locs); // numbered list pages too
        Assert.All(urls, u => Assert.NotNull(u.Element(Sm + "lastmod")));

        var lastmod = urls.ToDictionary(u => u.Element(Sm + "loc")!.Value, u => DateTimeOffset.Parse(u.Element(Sm + "lastmod")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 8, 0, 0, TimeSpan.Zero), lastmod["https://news.example/politics/2025/12/30/stale/"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero), lastmod["https://news.example/world/"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero), lastmod["https://news.example/world/page/2/"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero), lastmod["https://news.example/"]); // the draft is newer but not published
        built.AssertPlainUtf8("sitemap.xml");
    }

    [Fact]
    public void News_sitemap_lists_the_articles_of_the_last_48_hours_with_the_required_news_elements()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        built.AssertSucceeded();

        var root = built.Xml("news-sitemap.xml").Root!;
        Assert.Equal(Sm + "urlset", root.Name);
        Assert.Equal(News.NamespaceName, root.GetNamespaceOfPrefix("news")!.NamespaceName);
        var urls = root.Elements(Sm + "url").ToList();
        Assert.Equal(["https://news.example/world/2026/01/01/fresh/", "https://news.example/world/2025/12/30/yesterday/"], urls.Select(u => u.Element(Sm + "loc")!.Value));
        foreach (var url in urls)
        {
            var news = url.Element(News + "news")!;
            Assert.Equal("Test Times Ltd", news.Element(News + "publication")!.Element(News + "name")!.Value);
            Assert.Equal("en", news.Element(News + "publication")!.Element(News + "language")!.Value);
            Assert.NotEmpty(news.Element(News + "title")!.Value);
            DateTimeOffset.ParseExact(news.Element(News + "publication_date")!.Value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        Assert.Equal("Yesterday's story", urls[1].Element(News + "news")!.Element(News + "title")!.Value);
        built.AssertPlainUtf8("news-sitemap.xml");
    }

    [Fact]
    public void News_sitemap_window_follows_the_builds_now()
    {
        var (site, built) = TestSite.Build(Site, o => o with { Clock = new FixedClock(new DateTimeOffset(2025, 12, 31, 9, 0, 0, TimeSpan.Zero)) });
        using var _ = site;
        built.AssertSucceeded();
        var locs = built.Xml("news-sitemap.xml").Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value);
        Assert.Equal(["https://news.example/world/2025/12/30/yesterday/", "https://news.example/politics/2025/12/30/stale/"], locs);
    }

    [Fact]
    public void Robots_txt_names_both_sitemaps()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        var lines = built.Text("robots.txt").Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Sitemap: https://news.example/sitemap.xml", lines);
        Assert.Contains("Sitemap: https://news.example/news-sitemap.xml", lines);
    }

    [Fact]
    public void A_sites_own_robots_txt_is_published_instead()
    {
        var (site, built) = TestSite.Build(Site + "\n-- content/robots.txt --\nUser-agent: *\nDisallow: /private/\n");
        using var _ = site;
        built.AssertSucceeded();
        Assert.Equal("User-agent: *\nDisallow: /private/", built.Text("robots.txt").Trim());
    }

    [Fact]
    public void A_content_file_that_would_replace_a_sitemap_is_reported()
    {
        var (site, built) = TestSite.Build(Site + "\n-- content/sitemap.xml --\n<urlset/>\n");
        using var _ = site;
        Assert.False(built.Result.Succeeded);
        Assert.Contains(built.Diagnostics, d => d.Code == "NS0301" && d.Message.Contains("/sitemap.xml", StringComparison.Ordinal));
    }

    private const string Draft = """

        -- content/world/draft.md --
        ---
        headline: Draft story
        date: 2026-01-01T11:30:00Z
        draft: true
        ---
        Draft.
        """;
}
