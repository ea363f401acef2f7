using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class ArticlePageTests
{
    private const string ReferenceLike = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        time_zone: Asia/Kolkata
        -- content/world/rubio-calls.md --
        ---
        headline: US Urges India and Pakistan to Talk
        dek: Washington stops short of blaming Islamabad.
        date: 2025-04-30T18:45:00+05:30
        updated: 2025-05-01T09:00:00+05:30
        dateline: New Delhi
        authors: [Staff Reporter, Jane Doe]
        tags: [Marco Rubio, India, Pakistan]
        summary: The US asks both sides to lower tensions.
        key_points:
          - label: Attack Fallout
            text: The April 22 attack killed *26* people.
          - label: US Outreach
            text: Rubio phoned both governments.
          - A point without a label.
        ---
        Officials in both capitals spent the day on the phone.

        ## Calls for Restraint

        The Secretary of State spoke to both sides.

        ## What Comes Next

        Nobody expects a quick end.
        """;

    [Fact]
    public void Reference_like_article_shows_every_element_of_the_seed()
    {
        var (site, built) = TestSite.Build(ReferenceLike);
        using var _ = site;
        built.AssertSucceeded();

        var page = built.Html("world/2025/04/30/rubio-calls/index.html");
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("US Urges India and Pakistan to Talk", h1.TextContent.Trim());
        Assert.Equal("Washington stops short of blaming Islamabad.", page.QuerySelector(".dek")!.TextContent);

        var authors = page.QuerySelectorAll(".byline a[rel=author]").Select(a => a.TextContent).ToList();
        Assert.Equal(["Staff Reporter", "Jane Doe"], authors);

        var times = page.QuerySelectorAll(".byline time").ToList();
        Assert.Equal("2025-04-30T18:45:00+05:30", times[0].GetAttribute("datetime"));
        Assert.Contains("Updated", page.QuerySelector(".byline .updated")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2025-05-01T09:00:00+05:30", times[1].GetAttribute("datetime"));

        var firstParagraph = page.QuerySelector(".article-body p")!;
        Assert.Equal("New Delhi", firstParagraph.QuerySelector(".dateline")!.TextContent);
        Assert.StartsWith("New Delhi", firstParagraph.TextContent, StringComparison.Ordinal);

        var points = page.QuerySelectorAll(".key-points li").ToList();
        Assert.Equal(3, points.Count);
        Assert.Equal("Attack Fallout:", points[0].QuerySelector("strong")!.TextContent);
        Assert.Equal("26", points[0].QuerySelector("em")!.TextContent);
        Assert.Null(points[2].QuerySelector("strong"));

        var subheadings = page.QuerySelectorAll(".article-body h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Calls for Restraint", "What Comes Next"], subheadings);

        var tags = page.QuerySelectorAll(".tags a[rel=tag]").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Marco Rubio", "/tags/marco-rubio/"), ("India", "/tags/india/"), ("Pakistan", "/tags/pakistan/")], tags);
        Assert.Equal("Marco Rubio", page.QuerySelector(".article-header .topic")!.TextContent);
    }

    [Fact]
    public void Advertisement_slot_is_placed_when_ads_are_on_and_absent_when_off()
    {
        const string article = """
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            ---
            One.

            Two.

            Three.
            """;
        var (onSite, on) = TestSite.Build("""
            -- site.yaml --
            title: T
            base_url: https://n.example/
            ads:
              enabled: true
              after_paragraph: 1
              html: <div class="vendor-ad"></div>
            """ + "\n" + article);
        using var _ = onSite;
        on.AssertSucceeded();
        var page = on.Html("world/2025/01/01/a/index.html");
        var inBody = page.QuerySelector(".article-body .ad-slot")!;
        Assert.Equal("Advertisement", inBody.QuerySelector(".ad-label")!.TextContent);
        Assert.NotNull(inBody.QuerySelector(".vendor-ad"));
        Assert.Equal("One.", inBody.PreviousElementSibling!.TextContent);

        var (offSite, off) = TestSite.Build(article);
        using var __ = offSite;
        off.AssertSucceeded();
        var html = off.Text("world/2025/01/01/a/index.html");
        Assert.DoesNotContain("ad-slot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("'  '")]
    public void Ads_switched_on_without_any_ad_code_leave_no_empty_slot(string html)
    {
        var (site, built) = TestSite.Build($$"""
            -- site.yaml --
            title: T
            base_url: https://n.example/
            ads:
              enabled: true
              after_paragraph: 1
              html: {{html}}
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            ---
            One.

            Two.
            -- content/world/b.md --
            ---
            headline: B
            date: 2025-01-02
            ---
            Three.
            """);
        using var _ = site;
        built.AssertSucceeded();
        foreach (var file in new[] { "world/2025/01/01/a/index.html", "index.html" })
        {
            var text = built.Text(file);
            Assert.DoesNotContain("ad-slot", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Advertisement", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_is_written_as_index_html_under_a_clean_url()
    {
        var (site, built) = TestSite.Build(ReferenceLike);
        using var _ = site;
        built.AssertSucceeded();
        var files = built.Files();
        Assert.Contains("index.html", files);
        Assert.Contains("world/2025/04/30/rubio-calls/index.html", files);
        Assert.All(files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) && f != "404.html"), f => Assert.EndsWith("/index.html", "/" + f, StringComparison.Ordinal));
    }

    [Fact]
    public void Home_page_lists_articles_newest_first()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/old.md --
            ---
            headline: Old story
            date: 2025-01-01
            ---
            Old.
            -- content/world/new.md --
            ---
            headline: New story
            date: 2025-03-01
            ---
            New.
            -- content/politics/middle.md --
            ---
            headline: Middle story
            date: 2025-02-01
            ---
            Middle.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var home = built.Html("index.html");
        Assert.Equal("New story", home.QuerySelector(".lead-story .teaser-headline")!.TextContent.Trim());
        var top = home.QuerySelectorAll(".top-stories .teaser-headline").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Middle story", "Old story"], top);
    }
}
