using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml.Linq;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class FeedTests
{
    private const string ThreeArticles = """
        -- site.yaml --
        title: Test Times
        description: News for tests
        base_url: https://news.example/
        time_zone: Asia/Kolkata
        publisher: { name: Test Times Ltd, logo: /media/logo.png }
        feeds:
          limit: 2
        -- content/media/logo.png --
        [picture 200x60]
        -- content/media/quake.jpg --
        [picture 320x180]
        -- content/world/oldest.md --
        ---
        headline: The oldest story
        date: 2025-04-01T08:00:00+05:30
        tags: [Weather]
        ---
        Oldest body.
        -- content/world/quake.md --
        ---
        headline: Quake shakes the valley
        date: 2025-04-30T18:45:00+05:30
        updated: 2025-05-01T09:00:00+05:30
        authors: [Jane Doe, Staff Reporter]
        tags: [Earthquakes, India]
        summary: A strong quake struck before dawn.
        image: { src: /media/quake.jpg, alt: Cracked road }
        ---
        See [the map](/world/) and ![chart](chart.png).
        -- content/politics/vote.md --
        ---
        headline: Parliament votes on the budget
        date: 2025-04-15T10:00:00Z
        authors: Jane Doe
        tags: [India]
        ---
        The vote was close.
        """;

    private static readonly DateTimeOffset QuakePublished = new(2025, 4, 30, 18, 45, 0, TimeSpan.FromHours(5.5));
    private static readonly DateTimeOffset QuakeUpdated = new(2025, 5, 1, 9, 0, 0, TimeSpan.FromHours(5.5));
    private static readonly DateTimeOffset VotePublished = new(2025, 4, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Site_rss_feed_lists_the_configured_number_of_newest_articles_with_absolute_links_and_dates()
    {
        var (site, built) = TestSite.Build(ThreeArticles);
        using var _ = site;
        built.AssertSucceeded();

        var feed = built.Rss("index.xml");
        Assert.Equal("Test Times", feed.Title.Text);
        Assert.Equal(new Uri("https://news.example/"), Assert.Single(feed.Links, l => l.RelationshipType == "alternate").Uri);
        var items = feed.Items.ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(["Quake shakes the valley", "Parliament votes on the budget"], items.Select(i => i.Title.Text));
        Assert.All(items, i => Assert.True(i.Links[0].Uri.IsAbsoluteUri));

        var quake = items[0];
        Assert.Equal("https://news.example/world/2025/04/30/quake/", quake.Id);
        Assert.Equal(new Uri("https://news.example/world/2025/04/30/quake/"), quake.Links[0].Uri);
        Assert.Equal(QuakePublished, quake.PublishDate);
        Assert.Equal(TimeSpan.FromHours(5.5), quake.PublishDate.Offset);
        Assert.Equal(VotePublished, items[1].PublishDate);
        Assert.Equal("A strong quake struck before dawn.", quake.Summary.Text);
        Assert.Equal(["World", "Earthquakes", "India"], quake.Categories.Select(c => c.Name));

        var enclosure = Assert.Single(quake.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal(new Uri("https://news.example/media/quake.jpg"), enclosure.Uri);
        Assert.Equal("image/jpeg", enclosure.MediaType);
        // The length of the file published, the picture's cleaned copy, not of the editor's file.
        Assert.Equal(new FileInfo(Path.Combine(built.Output, "media/quake.jpg")).Length, enclosure.Length);
        Assert.NotEqual(new FileInfo(Path.Combine(site.Source, "content/media/quake.jpg")).Length, enclosure.Length);

        // Authors as Dublin Core creators; the lead image also as a Media RSS element.
        var creators = quake.ElementExtensions.Where(e => e.OuterNamespace == "http://purl.org/dc/elements/1.1/" && e.OuterName == "creator")
            .Select(e => e.GetObject<XElement>().Value);
        Assert.Equal(["Jane Doe", "Staff Reporter"], creators);
        var media = Assert.Single(quake.ElementExtensions, e => e.OuterNamespace == "http://search.yahoo.com/mrss/" && e.OuterName == "content");
        Assert.Equal("https://news.example/media/quake.jpg", media.GetObject<XElement>().Attribute("url")!.Value);

        // Without full_content, no body is published.
        Assert.DoesNotContain(quake.ElementExtensions, e => e.OuterName == "encoded");
        built.AssertPlainUtf8("index.xml");
    }

    [Fact]
    public void Rss_dates_are_written_in_rfc_822_form()
    {
        var (site, built) = TestSite.Build(ThreeArticles);
        using var _ = site;
        var rss = built.Xml("index.xml");
        var dates = rss.Descendants("pubDate").Select(d => d.Value).ToList();
        Assert.Equal(["Wed, 30 Apr 2025 18:45:00 +0530", "Tue, 15 Apr 2025 15:30:00 +0530"], dates);
        Assert.All(dates, d => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}$", d));
        Assert.Equal("Thu, 01 May 2025 09:00:00 +0530", rss.Descendants("lastBuildDate").Single().Value);
    }

    [Fact]
    public void Site_atom_feed_has_ids_published_and_updated_dates_authors_categories_and_enclosure()
    {
        var (site, built) = TestSite.Build(ThreeArticles);
        using var _ = site;
        built.AssertSucceeded();

        var feed = built.Atom("atom.xml");
        Assert.Equal("https://news.example/atom.xml", feed.Id);
        Assert.Equal(QuakeUpdated, feed.LastUpdatedTime);
        Assert.Equal("Test Times Ltd", Assert.Single(feed.Authors).Name);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri == new Uri("https://news.example/atom.xml"));
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri == new Uri("https://news.example/"));

        var items = feed.Items.ToList();
        Assert.Equal(["https://news.example/world/2025/04/30/quake/", "https://news.example/politics/2025/04/15/vote/"], items.Select(i => i.Id));
        var quake = items[0];
        Assert.Equal(QuakePublished, quake.PublishDate);
        Assert.Equal(QuakeUpdated, quake.LastUpdatedTime);
        Assert.Equal(VotePublished, items[1].PublishDate);
        Assert.Equal(VotePublished, items[1].LastUpdatedTime); // never updated: updated is the publication time
        Assert.Equal(["Jane Doe", "Staff Reporter"], quake.Authors.Select(a => a.Name));
        Assert.Equal("https://news.example/authors/jane-doe/", quake.Authors[0].Uri);
        Assert.Equal(["World", "Earthquakes", "India"], quake.Categories.Select(c => c.Name));
        var enclosure = Assert.Single(quake.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal(new Uri("https://news.example/media/quake.jpg"), enclosure.Uri);
        Assert.Equal("image/jpeg", enclosure.MediaType);
        Assert.Null(quake.Content);

        // RFC 3339 text, offset kept.
        var published = built.Xml("atom.xml").Descendants(XName.Get("published", "http://www.w3.org/2005/Atom")).First().Value;
        Assert.Equal("2025-04-30T18:45:00+05:30", published);
        built.AssertPlainUtf8("atom.xml");
    }

    [Fact]
    public void Json_feed_is_version_1_1_with_rfc_3339_dates_and_date_modified_only_when_updated()
    {
        var (site, built) = TestSite.Build(ThreeArticles);
        using var _ = site;
        built.AssertSucceeded();

        using var json = built.Json("feed.json");
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://news.example/feed.json", root.GetProperty("feed_url").GetString());
        Assert.Equal("https://news.example/", root.GetProperty("home_page_url").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(["Quake shakes the valley", "Parliament votes on the budget"], items.Select(i => i.GetProperty("title").GetString()));

        var quake = items[0];
        Assert.Equal("https://news.example/world/2025/04/30/quake/", quake.GetProperty("id").GetString());
        Assert.Equal("https://news.example/world/2025/04/30/quake/", quake.GetProperty("url").GetString());
        Assert.Equal(QuakePublished, Rfc3339(quake.GetProperty("date_published").GetString()!));
        Assert.Equal(QuakeUpdated, Rfc3339(quake.GetProperty("date_modified").GetString()!));
        Assert.Equal("A strong quake struck before dawn.", quake.GetProperty("content_text").GetString());
        Assert.Equal("https://news.example/media/quake.jpg", quake.GetProperty("image").GetString());
        Assert.Equal(["World", "Earthquakes", "India"], quake.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://news.example/authors/staff-reporter/", quake.GetProperty("authors")[1].GetProperty("url").GetString());

        Assert.Equal(VotePublished, Rfc3339(items[1].GetProperty("date_published").GetString()!));
        Assert.False(items[1].TryGetProperty("date_modified", out JsonElement _));
        built.AssertPlainUtf8("feed.json");
    }

    [Fact]
    public void Section_tag_and_author_feeds_carry_only_their_own_articles()
    {
        var (site, built) = TestSite.Build(ThreeArticles.Replace("limit: 2", "limit: 20", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();

        string[] world = ["Quake shakes the valley", "The oldest story"];
        string[] india = ["Quake shakes the valley", "Parliament votes on the budget"];
        string[] jane = ["Quake shakes the valley", "Parliament votes on the budget"];
        Assert.Equal(world, built.Rss("world/index.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(world, built.Atom("world/atom.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(["Parliament votes on the budget"], built.Rss("politics/index.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(india, built.Rss("tags/india/index.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(india, built.Atom("tags/india/atom.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(["The oldest story"], built.Atom("tags/weather/atom.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(jane, built.Rss("authors/jane-doe/index.xml").Items.Select(i => i.Title.Text));
        Assert.Equal(jane, built.Atom("authors/jane-doe/atom.xml").Items.Select(i => i.Title.Text));

        var section = built.Atom("world/atom.xml");
        Assert.Equal("World | Test Times", section.Title.Text);
        Assert.Contains(section.Links, l => l.RelationshipType == "alternate" && l.Uri == new Uri("https://news.example/world/"));

        // Only the whole site has a JSON Feed; three articles, all of them in it now.
        Assert.Equal(3, built.Json("feed.json").RootElement.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(built.Files(), f => f.EndsWith(".json", StringComparison.Ordinal) && f != "feed.json" && !f.StartsWith("search/", StringComparison.Ordinal));
    }

    [Fact]
    public void Full_content_puts_the_body_with_absolute_links_in_every_format()
    {
        var (site, built) = TestSite.Build(ThreeArticles.Replace("limit: 2", "limit: 2\n  full_content: true", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();

        var rssBody = built.Rss("index.xml").Items.First().ElementExtensions
            .Single(e => e.OuterNamespace == "http://purl.org/rss/1.0/modules/content/" && e.OuterName == "encoded")
            .GetObject<XElement>().Value;
        var atomBody = ((TextSyndicationContent)built.Atom("atom.xml").Items.First().Content).Text;
        var jsonBody = built.Json("feed.json").RootElement.GetProperty("items")[0].GetProperty("content_html").GetString()!;
        foreach (var body in new[] { rssBody, atomBody, jsonBody })
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
            Assert.Equal("https://news.example/world/", html.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("https://news.example/world/2025/04/30/quake/chart.png", html.QuerySelector("img")!.GetAttribute("src"));
        }
    }

    [Fact]
    public void Drafts_in_a_preview_build_stay_out_of_the_feeds()
    {
        var (site, built) = TestSite.Build(ThreeArticles + """

            -- content/world/draft.md --
            ---
            headline: Not ready
            date: 2025-05-01T10:00:00+05:30
            draft: true
            ---
            Draft.
            """, o => o with { IncludeDrafts = true });
        using var _ = site;
        built.AssertSucceeded();
        Assert.True(built.Exists("world/2025/05/01/draft/index.html"));
        Assert.DoesNotContain("Not ready", built.Rss("index.xml").Items.Select(i => i.Title.Text));
        Assert.DoesNotContain("Not ready", built.Atom("world/atom.xml").Items.Select(i => i.Title.Text));
    }

    [Fact]
    public void A_configured_section_without_articles_still_has_valid_empty_feeds()
    {
        var (site, built) = TestSite.Build(ThreeArticles.Replace("feeds:", "sections: [world, politics, sport]\nfeeds:", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();
        Assert.Empty(built.Rss("sport/index.xml").Items);
        var atom = built.Atom("sport/atom.xml");
        Assert.Empty(atom.Items);

        // Dated by the site's newest change (which the site feed carries), not by the build: rebuilt later, the
        // same files give the same bytes.
        Assert.Equal(built.Atom("atom.xml").LastUpdatedTime, atom.LastUpdatedTime);
        var later = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "later"), Clock = new FixedClock(TestSite.DefaultNow.AddDays(3)), Incremental = false });
        later.AssertSucceeded();
        Assert.Equal(File.ReadAllBytes(Path.Combine(built.Output, "sport/atom.xml")), File.ReadAllBytes(Path.Combine(later.Output, "sport/atom.xml")));
    }

    [Fact]
    public void Every_page_advertises_the_site_feeds_and_list_pages_their_own_first()
    {
        var (site, built) = TestSite.Build(ThreeArticles);
        using var _ = site;
        built.AssertSucceeded();

        string[] siteFeeds = ["https://news.example/index.xml", "https://news.example/atom.xml", "https://news.example/feed.json"];
        foreach (var file in built.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var links = Alternates(built, file);
            Assert.True(siteFeeds.All(f => links.Any(l => l.Href == f)), $"{file} does not link the site feeds");
            foreach (var (type, _, href) in links)
            {
                Assert.Contains(type, new[] { "application/rss+xml", "application/atom+xml", "application/feed+json" });
                Assert.True(built.Exists(href["https://news.example/".Length..]), $"{file} links the missing feed {href}");
            }
        }

        var tag = Alternates(built, "tags/india/index.html");
        Assert.Equal(["https://news.example/tags/india/index.xml", "https://news.example/tags/india/atom.xml", .. siteFeeds], tag.Select(l => l.Href));
        Assert.Equal("India | Test Times (RSS)", tag[0].Title);
        Assert.Equal("https://news.example/authors/jane-doe/index.xml", Alternates(built, "authors/jane-doe/index.html")[0].Href);
        Assert.Equal("https://news.example/world/index.xml", Alternates(built, "world/index.html")[0].Href);
        Assert.Equal([.. siteFeeds, "https://news.example/world/index.xml", "https://news.example/world/atom.xml"], Alternates(built, "world/2025/04/30/quake/index.html").Select(l => l.Href));
        Assert.Equal(siteFeeds, Alternates(built, "index.html").Select(l => l.Href));
        Assert.Equal(siteFeeds, Alternates(built, "tags/index.html").Select(l => l.Href));
    }

    [Fact]
    public void Numbered_pages_of_a_list_advertise_the_lists_feeds()
    {
        var (site, built) = TestSite.Build(ThreeArticles.Replace("feeds:", "page_size: 1\nfeeds:", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();
        Assert.Equal("https://news.example/tags/india/index.xml", Alternates(built, "tags/india/page/2/index.html")[0].Href);
        Assert.Equal("https://news.example/world/atom.xml", Alternates(built, "world/page/2/index.html")[1].Href);
        Assert.Equal("https://news.example/index.xml", Alternates(built, "page/2/index.html")[0].Href);
    }

    [Fact]
    public void Under_a_base_path_feed_urls_and_autodiscovery_links_keep_the_path()
    {
        var (site, built) = TestSite.Build(ThreeArticles.Replace("base_url: https://news.example/", "base_url: https://news.example/news/", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();

        var feed = built.Atom("world/atom.xml");
        Assert.Equal("https://news.example/news/world/atom.xml", feed.Id);
        Assert.Equal("https://news.example/news/world/2025/04/30/quake/", feed.Items.First().Id);
        Assert.Equal("https://news.example/news/index.xml", Alternates(built, "index.html")[0].Href);
        Assert.Equal("https://news.example/news/media/quake.jpg", built.Json("feed.json").RootElement.GetProperty("items")[0].GetProperty("image").GetString());
    }

    [Fact]
    public void Feeds_are_byte_identical_across_builds()
    {
        var (first, a) = TestSite.Build(ThreeArticles);
        using var _ = first;
        var (second, b) = TestSite.Build(ThreeArticles);
        using var __ = second;
        var feeds = a.Files().Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(feeds, b.Files().Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)));
        Assert.All(feeds, f => Assert.Equal(File.ReadAllBytes(Path.Combine(a.Output, f)), File.ReadAllBytes(Path.Combine(b.Output, f))));
    }

    private static List<(string Type, string Title, string Href)> Alternates(BuiltSite built, string file) =>
        [.. built.Html(file).QuerySelectorAll("head link[rel=alternate]").Select(l => (l.GetAttribute("type")!, l.GetAttribute("title")!, l.GetAttribute("href")!))];

    private static DateTimeOffset Rfc3339(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
