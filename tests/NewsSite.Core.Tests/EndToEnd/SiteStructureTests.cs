using System.Globalization;
using System.Text;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class SiteStructureTests
{
    private const string Config = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        page_size: 2
        sections:
          - { slug: world, name: World }
          - { slug: politics, name: Politics }
        """;

    private static string Article(string path, string headline, string date, string extra = "") => $"""

        -- content/{path}.md --
        ---
        headline: {headline}
        date: {date}
        {extra}
        ---
        Text of {headline}.
        """;

    private static string Corpus()
    {
        var text = new StringBuilder(Config);
        for (var i = 1; i <= 5; i++)
        {
            text.Append(Article($"world/w{i}", $"World {i}", $"2025-01-{i:D2}", $"tags: [Marco Rubio, T{i % 2}]\nauthors: [Staff Reporter]"));
        }

        for (var i = 1; i <= 3; i++)
        {
            text.Append(Article($"politics/p{i}", $"Politics {i}", $"2025-02-{i:D2}", i == 1 ? "tags: [marco-rubio]\nauthors: [Jane Doe, Staff Reporter]" : "authors: Jane Doe"));
        }

        text.Append(Article("politics/draft", "Secret Draft", "2025-02-10", "draft: true\ntags: [Hidden Tag]\nauthors: [Ghost Writer]"));
        text.Append(Article("world/future", "Future Story", "2030-01-01", "tags: [Hidden Tag]"));
        text.Append(Article("world/expired", "Expired Story", "2025-01-20", "expires: 2025-06-01\ntags: [Hidden Tag]"));
        return text.ToString();
    }

    [Fact]
    public void Every_published_article_is_reachable_from_the_home_page_and_no_internal_link_is_broken()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();

        var crawler = new SiteCrawler(built).Crawl("index.html", "404.html");
        Assert.Empty(crawler.Broken);
        var articlePages = built.Files().Where(f => f.StartsWith("world/2025/", StringComparison.Ordinal) || f.StartsWith("politics/2025/", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, articlePages.Count);
        Assert.All(articlePages, page => Assert.Contains(page, crawler.Reached));
        Assert.DoesNotContain(built.Files(), f => f.EndsWith(".html", StringComparison.Ordinal) && !crawler.Reached.Contains(f) && f != "404.html");
    }

    [Fact]
    public void A_section_that_site_yaml_does_not_list_is_a_warning_at_the_field_or_file_that_names_it()
    {
        var (site, built) = TestSite.Build(Config
            + Article("world/typo", "Typo", "2025-01-01", "section: wrold")
            + Article("sport/match", "Match", "2025-01-02")
            + Article("world/named", "Named", "2025-01-03", "section: Politics"));
        using var _ = site;

        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/sport/match.md:1:1: warning NS0305: the folder content/sport/ makes section 'sport', which is not one of the sections in site.yaml (world, politics); add it to 'sections' in site.yaml if it is a new section",
                "content/world/typo.md:4:10: warning NS0305: section 'wrold' is not one of the sections in site.yaml (world, politics); did you mean 'world'? Add it to 'sections' in site.yaml if it is a new section",
            ],
            built.Messages);
        Assert.True(built.Exists("wrold/2025/01/01/typo/index.html"), "the article is still published, in the section it names");
    }

    [Fact]
    public void Drafts_future_and_expired_articles_appear_nowhere()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();
        foreach (var file in built.Files())
        {
            var text = built.Text(file);
            Assert.DoesNotContain("Secret Draft", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Future Story", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Expired Story", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Hidden Tag", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ghost Writer", text, StringComparison.Ordinal);
        }

        Assert.False(built.Exists("tags/hidden-tag/index.html"));
        Assert.Equal(8, built.Result.Articles);
    }

    [Fact]
    public void Drafts_and_future_articles_are_included_when_asked_for()
    {
        var (site, built) = TestSite.Build(Corpus(), o => o with { IncludeDrafts = true, IncludeFuture = true });
        using var _ = site;
        built.AssertSucceeded();
        Assert.True(built.Exists("politics/2025/02/10/draft/index.html"));
        Assert.True(built.Exists("world/2030/01/01/future/index.html"));
        Assert.False(built.Exists("world/2025/01/20/expired/index.html"));
        var draft = built.Html("politics/2025/02/10/draft/index.html");
        Assert.Equal("Draft", draft.QuerySelector("h1 .badge")!.TextContent);
        Assert.Equal("noindex", draft.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void A_preview_labels_a_scheduled_article_with_its_go_live_time_on_its_page_and_teasers()
    {
        var (site, preview) = TestSite.Build(Corpus(), o => o with { IncludeDrafts = true, IncludeFuture = true });
        using var _ = site;
        preview.AssertSucceeded();

        var page = preview.Html("world/2030/01/01/future/index.html");
        Assert.Equal("Scheduled", page.QuerySelector("h1 .badge")!.TextContent);
        var goesLive = page.QuerySelector(".goes-live time")!;
        Assert.Equal("2030-01-01T00:00:00+00:00", goesLive.GetAttribute("datetime"));
        Assert.StartsWith("Scheduled: goes live 1 January 2030", page.QuerySelector("p.goes-live")!.TextContent, StringComparison.Ordinal);

        var home = preview.Html("index.html");
        var teaser = home.QuerySelectorAll("article.teaser").Single(t => t.QuerySelector(".teaser-headline a")!.TextContent == "Future Story");
        Assert.Equal("Scheduled", teaser.QuerySelector(".teaser-headline .badge")!.TextContent);
        Assert.Equal("2030-01-01T00:00:00+00:00", teaser.QuerySelector(".goes-live time")!.GetAttribute("datetime"));

        // A draft dated in the past is labelled a draft, not scheduled.
        var draft = preview.Html("politics/2025/02/10/draft/index.html");
        Assert.Equal(["Draft"], draft.QuerySelectorAll("h1 .badge").Select(b => b.TextContent));
        Assert.Null(draft.QuerySelector("p.goes-live"));
    }

    [Fact]
    public void A_normal_build_shows_no_preview_label()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();
        Assert.All(built.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)), file =>
        {
            var text = built.Text(file);
            Assert.DoesNotContain("goes-live", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Scheduled", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Now_decides_what_is_published()
    {
        var (site, built) = TestSite.Build(Corpus(), o => o with { Clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero)) });
        using var _ = site;
        built.AssertSucceeded();
        Assert.True(built.Exists("world/2030/01/01/future/index.html"));
        Assert.False(built.Exists("world/2025/01/20/expired/index.html"));
        Assert.Null(built.Result.NextChange);
    }

    [Fact]
    public void The_next_scheduled_change_is_reported()
    {
        var (site, built) = TestSite.Build(Corpus() + Article("world/leaving", "Leaving", "2025-01-01", "expires: 2026-03-01T00:00:00Z"));
        using var _ = site;
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), built.Result.NextChange);
    }

    [Fact]
    public void The_next_scheduled_change_is_a_future_article_when_nothing_expires_sooner()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), built.Result.NextChange);
    }

    [Fact]
    public void Section_tag_and_author_pages_count_their_articles()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();

        Assert.Equal(5, CountListed(built, "world/"));
        Assert.Equal(3, CountListed(built, "politics/"));
        Assert.Equal(6, CountListed(built, "tags/marco-rubio/"));
        Assert.Equal(6, CountListed(built, "authors/staff-reporter/"));
        Assert.Equal(3, CountListed(built, "authors/jane-doe/"));
        Assert.Equal(5, CountListed(built, "2025/01/"));
        Assert.Equal(8, CountListed(built, "2025/"));

        var tags = built.Html("tags/index.html").QuerySelectorAll(".terms li")
            .Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector(".count")!.TextContent)).ToList();
        Assert.Equal([("Marco Rubio", "6"), ("T0", "2"), ("T1", "3")], tags);
        var authors = built.Html("authors/index.html").QuerySelectorAll(".terms a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Jane Doe", "Staff Reporter"], authors);
    }

    [Fact]
    public void Marco_Rubio_and_marco_rubio_are_one_tag_but_c_and_cpp_are_reported()
    {
        var (site, built) = TestSite.Build(Config
            + Article("world/a", "A", "2025-01-01", "tags: [Marco Rubio, C]")
            + Article("world/b", "B", "2025-01-02", "tags: [marco-rubio, C++]"));
        using var _ = site;
        built.AssertSucceeded();
        Assert.Equal(2, CountListed(built, "tags/marco-rubio/"));
        built.AssertDiagnostic("content/world/b.md:1:1: warning NS0302: tags 'C++' and 'C' share the URL /tags/c/ and are shown as one; spell them alike or tell them apart");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public void Pagination_is_right_at_page_size_boundaries(int articles, int expectedPages)
    {
        var text = new StringBuilder(Config);
        text.Append(Article("politics/anchor", "Anchor", "2024-01-01"));
        for (var i = 1; i <= articles; i++)
        {
            text.Append(Article($"world/a{i}", $"A{i}", $"2025-01-{i:D2}"));
        }

        var (site, built) = TestSite.Build(text.ToString());
        using var _ = site;
        built.AssertSucceeded();

        var pages = new List<AngleSharp.Dom.IDocument> { built.Html("world/index.html") };
        for (var n = 2; n <= expectedPages; n++)
        {
            pages.Add(built.Html($"world/page/{n}/index.html"));
        }

        Assert.False(built.Exists($"world/page/{expectedPages + 1}/index.html"));
        Assert.False(built.Exists("world/page/1/index.html"));
        var listed = pages.SelectMany(p => p.QuerySelectorAll(".list .teaser-headline")).Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(1, articles).Reverse().Select(i => $"A{i}"), listed);

        for (var n = 1; n <= expectedPages; n++)
        {
            var page = pages[n - 1];
            var prev = page.QuerySelector("a[rel=prev]")?.GetAttribute("href");
            var next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.Equal(n == 1 ? null : n == 2 ? "/world/" : $"/world/page/{n - 1}/", prev);
            Assert.Equal(n == expectedPages ? null : $"/world/page/{n + 1}/", next);
            if (expectedPages > 1)
            {
                Assert.Equal(n.ToString(CultureInfo.InvariantCulture), page.QuerySelector(".pager [aria-current=page]")!.TextContent);
            }
        }
    }

    [Theory]
    [InlineData(1, "[1] 2 3 … 12")]
    [InlineData(4, "1 2 3 [4] 5 6 … 12")]
    [InlineData(5, "1 2 3 4 [5] 6 7 … 12")]
    [InlineData(6, "1 … 4 5 [6] 7 8 … 12")]
    [InlineData(9, "1 … 7 8 [9] 10 11 12")]
    [InlineData(12, "1 … 10 11 [12]")]
    public void A_long_list_links_a_window_of_pages_not_every_page(int pageNumber, string expected)
    {
        var text = new StringBuilder(Config);
        text.Append(Article("politics/anchor", "Anchor", "2024-01-01"));
        for (var i = 1; i <= 24; i++)
        {
            text.Append(Article($"world/a{i}", $"A{i}", $"2025-01-{i:D2}"));
        }

        var (site, built) = TestSite.Build(text.ToString());
        using var _ = site;
        built.AssertSucceeded();

        var page = built.Html(pageNumber == 1 ? "world/index.html" : $"world/page/{pageNumber}/index.html");
        var items = page.QuerySelectorAll(".pager li").Select(li => li.QuerySelector("a") is { } link
            ? (link.GetAttribute("aria-current") == "page" ? $"[{link.TextContent}]" : link.TextContent)
            : li.TextContent.Trim());
        Assert.Equal(expected, string.Join(' ', items));
        foreach (var link in page.QuerySelectorAll(".pager li a"))
        {
            var n = int.Parse(link.TextContent, CultureInfo.InvariantCulture);
            Assert.Equal(n == 1 ? "/world/" : $"/world/page/{n}/", link.GetAttribute("href"));
        }
    }

    [Fact]
    public void Article_page_has_section_breadcrumb_reading_time_related_and_neighbours()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("world/2025/01/03/w3/index.html");

        var crumbs = page.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/world/"], crumbs);
        Assert.Empty(page.QuerySelectorAll(".breadcrumb [aria-current]"));
        Assert.Equal("/world/", page.QuerySelector(".article-header .kicker")!.GetAttribute("href"));
        Assert.Matches(@"^1 min read · 4 words$", page.QuerySelector(".reading-time")!.TextContent.Trim());

        // w3 has tags Marco Rubio and T1: w1 and w5 share both, then the nearest sharing one.
        var related = page.QuerySelectorAll(".related .teaser-headline").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(4, related.Count);
        Assert.Equal(["World 5", "World 1"], related.Take(2).Order(StringComparer.Ordinal).Reverse());
        Assert.DoesNotContain("World 3", related);

        Assert.Equal("/world/2025/01/02/w2/", page.QuerySelector(".article-prev")!.GetAttribute("href"));
        Assert.Equal("/world/2025/01/04/w4/", page.QuerySelector(".article-next")!.GetAttribute("href"));
    }

    [Fact]
    public void Home_has_a_lead_story_top_stories_and_section_blocks_and_is_paginated()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();
        var home = built.Html("index.html");
        Assert.Equal("Politics 3", home.QuerySelector(".lead-story .teaser-headline")!.TextContent.Trim());
        Assert.Equal(4, home.QuerySelectorAll(".top-stories .teaser").Length);
        var blocks = home.QuerySelectorAll(".section-block h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["World"], blocks);
        Assert.Equal("/page/2/", home.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.True(built.Exists("page/4/index.html"));
        Assert.False(built.Exists("page/5/index.html"));
    }

    [Fact]
    public void Site_under_a_base_path_links_everything_below_it()
    {
        var (site, built) = TestSite.Build(Corpus().Replace("base_url: https://news.example/", "base_url: https://news.example/edition/", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();
        var crawler = new SiteCrawler(built, "/edition/").Crawl();
        Assert.Empty(crawler.Broken);
        Assert.Contains("world/2025/01/03/w3/index.html", crawler.Reached);
        Assert.Equal("https://news.example/edition/world/", built.Html("world/index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void Custom_permalink_pattern_is_used()
    {
        var (site, built) = TestSite.Build(Config + "\npermalink: /news/{slug}/\n" + Article("world/a", "A", "2025-01-01"));
        using var _ = site;
        built.AssertSucceeded();
        Assert.True(built.Exists("news/a/index.html"));
    }

    [Fact]
    public void A_site_template_overrides_the_built_in_one_file_by_file()
    {
        var (site, built) = TestSite.Build(Config + Article("world/a", "A", "2025-01-01") + """

            -- templates/section.html --
            <h1 class="custom">Custom {{ term.name }}</h1>
            """);
        using var _ = site;
        built.AssertSucceeded();
        Assert.Equal("Custom World", built.Html("world/index.html").QuerySelector("h1.custom")!.TextContent);
        Assert.NotNull(built.Html("world/2025/01/01/a/index.html").QuerySelector(".key-points, .article-body"));
        Assert.NotNull(built.Html("world/index.html").QuerySelector(".masthead"));
    }

    [Fact]
    public void Not_found_page_exists()
    {
        var (site, built) = TestSite.Build(Corpus());
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("404.html");
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    private static int CountListed(BuiltSite built, string route)
    {
        var count = 0;
        var file = route + "index.html";
        for (var n = 2; built.Exists(file); n++)
        {
            count += built.Html(file).QuerySelectorAll(".list .teaser").Length;
            file = $"{route}page/{n}/index.html";
        }

        return count;
    }
}
