using System.Text.Json;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>What the default theme shows readers: summaries, bylines, the footer, the home page's description, tidy markup.</summary>
public sealed class ReaderThemeTests
{
    private const string LongOpening =
        "Eight days after the attack near the meadow, the standoff between the two neighbours has become the worst in years. "
        + "As the region mourns, Washington has asked both capitals to talk, to keep their channels open and to hold back their armies for now.";

    private const string AuthorsSite = """
        -- site.yaml --
        title: Ledger
        base_url: https://news.example/
        authors:
          - name: Ananya Rao
            bio: Ananya Rao covers city government.
            photo: /media/rao.svg
            links:
              - { name: Email, url: "mailto:rao@news.example" }
              - { name: Mastodon, url: "https://social.example/@rao" }
        -- content/media/rao.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>
        -- content/world/a.md --
        ---
        headline: Council meets
        date: 2025-01-01
        authors: [Ananya Rao, Staff Reporter]
        ---
        Text.
        """;

    [Fact]
    public void A_summary_cut_from_the_body_ends_at_a_sentence_in_teasers_meta_description_feeds_and_search()
    {
        var (site, built) = TestSite.Build($"""
            -- site.yaml --
            title: Ledger
            base_url: https://news.example/
            -- content/world/standoff.md --
            ---
            headline: Standoff
            date: 2025-04-30
            ---
            {LongOpening}

            Second paragraph.
            """);
        using var _ = site;
        built.AssertSucceeded();
        const string expected = "Eight days after the attack near the meadow, the standoff between the two neighbours has become the worst in years.";

        Assert.Equal(expected, built.Html("world/2025/04/30/standoff/index.html").QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(expected, built.Html("world/index.html").QuerySelector(".teaser-summary")!.TextContent);
        Assert.Equal(expected, built.Html("index.html").QuerySelector(".teaser-summary")!.TextContent);
        Assert.Equal(expected, built.Rss("index.xml").Items.Single().Summary.Text);
        Assert.Equal(expected, built.Json("feed.json").RootElement.GetProperty("items")[0].GetProperty("summary").GetString());
        Assert.Equal(expected, new BuiltSearchIndex(built).Document(0).GetProperty("text").GetString());
    }

    [Fact]
    public void Home_without_a_site_description_gets_a_generated_meta_description()
    {
        var (site, built) = TestSite.Build("""
            -- site.yaml --
            title: Ledger
            base_url: https://news.example/
            sections: [World, Business]
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            ---
            Text.
            -- content/business/b.md --
            ---
            headline: B
            date: 2025-01-02
            ---
            Text.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var home = built.Html("index.html");
        Assert.Equal("The latest news from Ledger: World and Business.", home.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("The latest news from Ledger: World and Business.", home.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
    }

    [Fact]
    public void Author_profiles_from_site_yaml_show_on_the_author_page_in_the_byline_and_in_json_ld()
    {
        var (site, built) = TestSite.Build(AuthorsSite);
        using var _ = site;
        built.AssertSucceeded();

        var author = built.Html("authors/ananya-rao/index.html");
        Assert.Equal("Ananya Rao covers city government.", author.QuerySelector(".author-bio")!.TextContent);
        Assert.Equal("/media/rao.svg", author.QuerySelector(".list-header img")!.GetAttribute("src"));
        Assert.Equal(["mailto:rao@news.example", "https://social.example/@rao"], author.QuerySelectorAll(".author-links a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Ananya Rao covers city government.", author.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        var article = built.Html("world/2025/01/01/a/index.html");
        Assert.Equal(["/media/rao.svg"], article.QuerySelectorAll(".byline img").Select(i => i.GetAttribute("src")));
        Assert.Equal("By Ananya Rao and Staff Reporter", article.QuerySelector(".byline .authors")!.TextContent.Trim());
        Assert.Equal("Ananya Rao covers city government.", article.QuerySelector(".about-author-bio")!.TextContent);

        var people = JsonLd.OfType(article, "NewsArticle").GetProperty("author").EnumerateArray().ToList();
        Assert.Equal("Ananya Rao covers city government.", people[0].Text("description"));
        Assert.Equal("https://news.example/media/rao.svg", people[0].Text("image"));
        Assert.Equal(["https://social.example/@rao"], people[0].GetProperty("sameAs").EnumerateArray().Select(u => u.GetString()));
        Assert.False(people[1].TryGetProperty("description", out JsonElement _));
        Assert.Equal("https://news.example/authors/staff-reporter/", people[1].Text("url"));
    }

    [Theory]
    [InlineData("authors:\n  - name: Rao\n    photo: javascript:alert(1)\n", "site.yaml:4:12: error NS0501")]
    [InlineData("footer_menu:\n  - { name: About, url: \"javascript:alert(1)\" }\n", "site.yaml:3:25: error NS0501")]
    [InlineData("authors:\n  - name: Rao\n    links:\n      - { name: X, url: \"data:text/html,hi\" }\n", "site.yaml:5:25: error NS0501")]
    public void Links_and_photos_in_site_yaml_that_are_not_web_or_mail_addresses_are_located_errors(string yaml, string expected)
    {
        var (site, built) = TestSite.Build("-- site.yaml --\ntitle: T\n" + yaml);
        using var _ = site;
        Assert.False(built.Result.Succeeded);
        Assert.Contains(built.Messages, m => m.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Footer_menu_comes_from_site_yaml_and_defaults_to_the_indexes_and_the_feed()
    {
        var (site, built) = TestSite.Build("""
            -- site.yaml --
            title: Ledger
            base_url: https://news.example/edition/
            footer_menu:
              - { name: About, url: /about/ }
              - { name: Contact, url: "mailto:desk@news.example" }
              - { name: RSS, url: /index.xml }
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            ---
            Text.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var links = built.Html("index.html").QuerySelectorAll(".site-footer nav a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("About", "/edition/about/"), ("Contact", "mailto:desk@news.example"), ("RSS", "/edition/index.xml")], links);

        var (plainSite, plain) = TestSite.Build("-- content/world/a.md --\n---\nheadline: A\ndate: 2025-01-01\n---\nText.\n");
        using var __ = plainSite;
        Assert.Equal(["Topics", "Authors", "Archive", "RSS feed"], plain.Html("index.html").QuerySelectorAll(".site-footer nav a").Select(a => a.TextContent));
    }

    [Fact]
    public void Generated_pages_have_no_blank_lines()
    {
        var (site, built) = TestSite.Build(AuthorsSite.Replace("authors: [Ananya Rao, Staff Reporter]", """
            authors: [Ananya Rao, Staff Reporter]
            tags: [Council, City]
            key_points:
              - label: Vote
                text: The council voted.
            corrections:
              - date: 2025-01-02
                text: An earlier version misspelt a name.
            """, StringComparison.Ordinal) + """

            -- content/world/b.md --
            ---
            headline: Council meets again
            date: 2025-01-03
            tags: [Council]
            ---
            More text.[^1]

            [^1]: A note.
            """);
        using var _ = site;
        built.AssertSucceeded();
        foreach (var file in built.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var lines = built.Text(file).Split('\n');
            var blank = Array.FindIndex(lines, l => l.Trim().Length == 0);
            Assert.True(blank == -1 || blank == lines.Length - 1, $"{file} has a blank line at line {blank + 1}");
        }
    }

    [Fact]
    public void A_topic_label_is_not_dressed_as_a_section_kicker_and_footnotes_have_one_rule()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            tags: [Kashmir]
            ---
            Text.[^1]

            [^1]: Note.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("world/2025/01/01/a/index.html");
        Assert.Equal("kicker", page.QuerySelector(".labels a[href='/world/']")!.ClassName);
        Assert.Equal("topic", page.QuerySelector(".labels a[href='/tags/kashmir/']")!.ClassName);
        Assert.Single(page.QuerySelectorAll(".footnotes hr"));
    }
}
