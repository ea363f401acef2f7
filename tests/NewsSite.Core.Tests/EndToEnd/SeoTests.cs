using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class SeoTests
{
    private const string Site = """
        -- site.yaml --
        title: Test Times
        description: News for tests
        base_url: https://news.example/
        language: en-GB
        time_zone: Asia/Kolkata
        publisher: { name: Test Times Ltd, logo: /media/logo.png }
        -- content/media/logo.png --
        [picture 200x60]
        -- content/media/quake.jpg --
        [picture 320x180]
        -- content/world/quake.md --
        ---
        headline: Quake shakes the valley
        date: 2025-04-30T18:45:00+05:30
        updated: 2025-05-01T09:00:00+05:30
        authors: [Jane Doe]
        tags: [Earthquakes, India]
        summary: A strong quake struck before dawn.
        image: { src: /media/quake.jpg, alt: Cracked road }
        ---
        Body.
        -- content/politics/vote.md --
        ---
        headline: Parliament votes
        date: 2025-04-15T10:00:00+05:30
        ---
        The vote was close.
        """;

    [Fact]
    public void Every_page_has_title_description_canonical_open_graph_twitter_card_and_lang()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        built.AssertSucceeded();

        foreach (var file in built.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = built.Html(file);
            Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(page.Title), $"{file} has no title");
            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            Assert.StartsWith("https://news.example/", canonical, StringComparison.Ordinal);
            Assert.Equal(canonical, Meta(page, "og:url"));
            Assert.NotNull(Meta(page, "og:type"));
            Assert.NotNull(Meta(page, "og:title"));
            Assert.Equal("Test Times", Meta(page, "og:site_name"));
            Assert.NotNull(Meta(page, "twitter:card"));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")), $"{file} has no description");
        }

        Assert.Equal("https://news.example/world/", built.Html("world/index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("website", Meta(built.Html("index.html"), "og:type"));
    }

    [Fact]
    public void Article_page_has_article_open_graph_with_times_section_tags_and_image()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        var page = built.Html("world/2025/04/30/quake/index.html");

        Assert.Equal("Quake shakes the valley | Test Times", page.Title);
        Assert.Equal("A strong quake struck before dawn.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("https://news.example/world/2025/04/30/quake/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("2025-04-30T18:45:00+05:30", Meta(page, "article:published_time"));
        Assert.Equal("2025-05-01T09:00:00+05:30", Meta(page, "article:modified_time"));
        Assert.Equal("World", Meta(page, "article:section"));
        Assert.Equal(["Earthquakes", "India"], page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")));
        Assert.Equal("https://news.example/media/quake.jpg", Meta(page, "og:image"));
        Assert.Equal("Cracked road", Meta(page, "og:image:alt"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal("https://news.example/media/quake.jpg", Meta(page, "twitter:image"));

        var plain = built.Html("politics/2025/04/15/vote/index.html");
        Assert.Null(Meta(plain, "og:image"));
        Assert.Null(Meta(plain, "article:modified_time"));
        Assert.Equal("summary", Meta(plain, "twitter:card"));
    }

    [Fact]
    public void Article_page_has_news_article_json_ld_with_every_field()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        var page = built.Html("world/2025/04/30/quake/index.html");

        var article = JsonLd.OfType(page, "NewsArticle");
        Assert.Equal("https://schema.org", article.Text("@context"));
        Assert.Equal("Quake shakes the valley", article.Text("headline"));
        Assert.Equal(new DateTimeOffset(2025, 4, 30, 18, 45, 0, TimeSpan.FromHours(5.5)), DateTimeOffset.Parse(article.Text("datePublished"), CultureInfo.InvariantCulture));
        Assert.Equal("2025-05-01T09:00:00+05:30", article.Text("dateModified"));
        var author = Assert.Single(article.GetProperty("author").EnumerateArray());
        Assert.Equal("Person", author.Text("@type"));
        Assert.Equal("Jane Doe", author.Text("name"));
        Assert.Equal("https://news.example/authors/jane-doe/", author.Text("url"));
        var publisher = article.GetProperty("publisher");
        Assert.Equal("Test Times Ltd", publisher.Text("name"));
        Assert.Equal("https://news.example/media/logo.png", publisher.GetProperty("logo").Text("url"));
        Assert.Equal(["https://news.example/media/quake.jpg"], article.GetProperty("image").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("World", article.Text("articleSection"));
        Assert.Equal(["Earthquakes", "India"], article.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("https://news.example/world/2025/04/30/quake/", article.GetProperty("mainEntityOfPage").Text("@id"));
    }

    [Fact]
    public void Article_without_byline_or_image_names_the_publisher_as_author_and_its_logo_as_image()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        var article = JsonLd.OfType(built.Html("politics/2025/04/15/vote/index.html"), "NewsArticle");

        var author = Assert.Single(article.GetProperty("author").EnumerateArray());
        Assert.Equal("Test Times Ltd", author.Text("name"));
        Assert.Equal("https://news.example/", author.Text("url"));
        Assert.Equal(["https://news.example/media/logo.png"], article.GetProperty("image").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(article.Text("datePublished"), article.Text("dateModified"));
        Assert.False(article.TryGetProperty("keywords", out JsonElement _));
    }

    [Fact]
    public void Breadcrumb_json_ld_lists_home_section_and_article_with_absolute_urls()
    {
        var (site, built) = TestSite.Build(Site);
        using var _ = site;
        var crumbs = JsonLd.OfType(built.Html("world/2025/04/30/quake/index.html"), "BreadcrumbList")
            .GetProperty("itemListElement").EnumerateArray().ToList();

        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(["Home", "World", "Quake shakes the valley"], crumbs.Select(c => c.Text("name")));
        Assert.Equal(["https://news.example/", "https://news.example/world/", "https://news.example/world/2025/04/30/quake/"], crumbs.Select(c => c.Text("item")));
    }

    [Fact]
    public void Closing_script_tags_in_content_cannot_break_out_of_the_json_ld()
    {
        const string hostile = "</script><script>alert(1)</script><!-- & '\"";
        var (site, built) = TestSite.Build($$"""
            -- content/world/x.md --
            ---
            headline: '{{hostile.Replace("'", "''", StringComparison.Ordinal)}} headline'
            date: 2025-01-01
            authors: ['{{hostile.Replace("'", "''", StringComparison.Ordinal)}} author']
            tags: ['</SCRIPT > tag']
            summary: '</script> summary'
            ---
            Body.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var html = built.Text("world/2025/01/01/x/index.html");
        var page = built.Html("world/2025/01/01/x/index.html");

        // Exactly our two scripts, each whole, each parsing back to the editor's text.
        var scripts = page.QuerySelectorAll("script");
        Assert.Equal(2, scripts.Length);
        Assert.All(scripts, s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        var article = JsonLd.OfType(page, "NewsArticle");
        Assert.Equal(hostile + " headline", article.Text("headline"));
        Assert.Equal(hostile + " author", article.GetProperty("author")[0].Text("name"));
        Assert.Equal(["</SCRIPT > tag"], article.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(hostile + " headline", JsonLd.OfType(page, "BreadcrumbList").GetProperty("itemListElement")[2].Text("name"));

        // And in the raw text, nothing between the script tags could end the element or open a comment.
        foreach (var block in html.Split("<script type=\"application/ld+json\">")[1..])
        {
            var json = block[..block.IndexOf("</script>", StringComparison.Ordinal)];
            Assert.DoesNotContain("<", json, StringComparison.Ordinal);
            Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Base_url_option_overrides_site_yaml_in_every_absolute_url()
    {
        var (site, built) = TestSite.Build(Site, o => o with { BaseUrl = "https://preview.example/pr-7" });
        using var _ = site;
        built.AssertSucceeded();

        const string preview = "https://preview.example/pr-7/";
        var page = built.Html("world/2025/04/30/quake/index.html");
        Assert.Equal(preview + "world/2025/04/30/quake/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(preview + "world/2025/04/30/quake/", Meta(page, "og:url"));
        Assert.Equal(preview + "media/quake.jpg", Meta(page, "og:image"));
        Assert.Equal("/pr-7/world/", page.QuerySelector(".kicker")!.GetAttribute("href"));
        var article = JsonLd.OfType(page, "NewsArticle");
        Assert.Equal(preview + "world/2025/04/30/quake/", article.GetProperty("mainEntityOfPage").Text("@id"));
        Assert.Equal(preview + "media/logo.png", article.GetProperty("publisher").GetProperty("logo").Text("url"));
        Assert.All(page.QuerySelectorAll("link[rel=alternate]"), l => Assert.StartsWith(preview, l.GetAttribute("href"), StringComparison.Ordinal));

        Assert.Equal(preview + "world/2025/04/30/quake/", built.Rss("index.xml").Items.First().Id);
        Assert.Equal(preview + "atom.xml", built.Atom("atom.xml").Id);
        Assert.Equal(preview + "feed.json", built.Json("feed.json").RootElement.Text("feed_url"));
        XNamespaceCheck(built, preview);
        Assert.Contains("Sitemap: " + preview + "sitemap.xml", built.Text("robots.txt").Split('\n'));
        Assert.DoesNotContain(built.Files(), f => File.ReadAllText(Path.Combine(built.Output, f)).Contains("news.example", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_url_option_that_is_not_an_http_url_is_reported()
    {
        var (site, built) = TestSite.Build(Site, o => o with { BaseUrl = "ftp://preview.example/" });
        using var _ = site;
        Assert.False(built.Result.Succeeded);
        Assert.Contains(built.Diagnostics, d => d.Code == "NS0501" && d.Message.Contains("--base-url", StringComparison.Ordinal));
    }

    private static void XNamespaceCheck(BuiltSite built, string preview)
    {
        System.Xml.Linq.XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = built.Xml("sitemap.xml").Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.NotEmpty(locs);
        Assert.All(locs, l => Assert.StartsWith(preview, l, StringComparison.Ordinal));
    }

    private static string? Meta(IDocument page, string name) =>
        page.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");
}
