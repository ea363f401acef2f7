using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class CorrectionsTests
{
    private const string Corrected = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        time_zone: Asia/Kolkata
        -- content/world/corrected.md --
        ---
        headline: Dam Levels Rise
        date: 2025-04-10T09:00:00+05:30
        updated: 2025-04-11T08:00
        corrections:
          - date: 2025-04-12T18:15
            text: An earlier version named the wrong reservoir. It is the *Koyna* dam.
          - date: 2025-04-10T21:00:00Z
            text: The capacity figure was corrected to **2.8 TMC**.
        ---
        Water levels rose.
        -- content/world/plain.md --
        ---
        headline: Nothing to Correct
        date: 2025-04-10T10:00:00+05:30
        ---
        All correct.
        """;

    [Fact]
    public void Corrections_are_shown_in_a_labelled_box_with_their_dates_oldest_first()
    {
        var (site, built) = TestSite.Build(Corrected);
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("world/2025/04/10/corrected/index.html");

        var box = page.QuerySelector("section.corrections")!;
        Assert.Equal("Corrections", box.QuerySelector("h2")!.TextContent);
        Assert.Equal(box.QuerySelector("h2")!.Id, box.GetAttribute("aria-labelledby"));
        var items = box.QuerySelectorAll("li").ToList();
        Assert.Equal(2, items.Count);

        // The one given in UTC is 11 April 02:30 in Kolkata, before the 12 April one.
        Assert.Equal("2025-04-11T02:30:00+05:30", items[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("11 April 2025, 02:30 IST", items[0].QuerySelector("time")!.TextContent);
        Assert.Equal("2.8 TMC", items[0].QuerySelector("strong")!.TextContent);
        Assert.Equal("2025-04-12T18:15:00+05:30", items[1].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Koyna", items[1].QuerySelector("em")!.TextContent);
        Assert.EndsWith("It is the Koyna dam.", items[1].TextContent, StringComparison.Ordinal);

        Assert.Null(built.Html("world/2025/04/10/plain/index.html").QuerySelector(".corrections"));
    }

    [Fact]
    public void One_correction_is_labelled_in_the_singular()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/once.md --
            ---
            headline: Once
            date: 2025-04-10
            corrections:
              - { date: 2025-04-11, text: A name was misspelt. }
            ---
            Body.
            """);
        using var _ = site;
        built.AssertSucceeded();
        Assert.Equal("Correction", built.Html("world/2025/04/10/once/index.html").QuerySelector(".corrections h2")!.TextContent);
    }

    [Fact]
    public void The_updated_time_is_the_latest_correction_when_it_is_later_than_updated()
    {
        var (site, built) = TestSite.Build(Corrected);
        using var _ = site;
        var page = built.Html("world/2025/04/10/corrected/index.html");
        var updated = page.QuerySelector(".dates .updated time")!;
        Assert.Equal("2025-04-12T18:15:00+05:30", updated.GetAttribute("datetime"));
        Assert.Equal("12 April 2025, 18:15 IST", updated.TextContent);
        Assert.Equal("2025-04-12T18:15:00+05:30", page.QuerySelector("meta[property='article:modified_time']")!.GetAttribute("content"));
    }

    [Fact]
    public void The_updated_time_stays_updated_when_it_is_later_than_every_correction()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/late.md --
            ---
            headline: Late Update
            date: 2025-04-10T09:00:00Z
            updated: 2025-04-20T09:00:00Z
            corrections:
              - { date: 2025-04-11T09:00:00Z, text: A date was wrong. }
            ---
            Body.
            """);
        using var _ = site;
        var page = built.Html("world/2025/04/10/late/index.html");
        Assert.Equal("2025-04-20T09:00:00+00:00", page.QuerySelector(".dates .updated time")!.GetAttribute("datetime"));
        Assert.Equal("2025-04-20T09:00:00+00:00", TimeZoneTests.NewsArticle(page).GetProperty("dateModified").GetString());
    }

    [Fact]
    public void A_correction_alone_makes_the_article_updated()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/only.md --
            ---
            headline: Only a Correction
            date: 2025-04-10T09:00:00Z
            corrections:
              - { date: 2025-04-11T09:00:00Z, text: A date was wrong. }
            ---
            Body.
            """);
        using var _ = site;
        var page = built.Html("world/2025/04/10/only/index.html");
        Assert.Equal("2025-04-11T09:00:00+00:00", page.QuerySelector(".dates .updated time")!.GetAttribute("datetime"));
        Assert.Null(built.Html("world/2025/04/10/only/index.html").QuerySelector(".corrections li strong"));
    }

    [Fact]
    public void The_news_article_json_ld_carries_the_corrections_and_the_latest_modification()
    {
        var (site, built) = TestSite.Build(Corrected);
        using var _ = site;
        var json = TimeZoneTests.NewsArticle(built.Html("world/2025/04/10/corrected/index.html"));
        Assert.Equal("2025-04-12T18:15:00+05:30", json.GetProperty("dateModified").GetString());

        var corrections = json.GetProperty("correction").EnumerateArray().ToList();
        Assert.Equal(2, corrections.Count);
        Assert.All(corrections, c => Assert.Equal("CorrectionComment", c.GetProperty("@type").GetString()));
        Assert.Equal("2025-04-11T02:30:00+05:30", corrections[0].GetProperty("datePublished").GetString());
        Assert.Equal("The capacity figure was corrected to 2.8 TMC.", corrections[0].GetProperty("text").GetString());
        Assert.Equal("2025-04-12T18:15:00+05:30", corrections[1].GetProperty("datePublished").GetString());
        Assert.Equal("An earlier version named the wrong reservoir. It is the Koyna dam.", corrections[1].GetProperty("text").GetString());

        var plain = TimeZoneTests.NewsArticle(built.Html("world/2025/04/10/plain/index.html"));
        Assert.False(plain.TryGetProperty("correction", out var _));
        Assert.Equal(plain.GetProperty("datePublished").GetString(), plain.GetProperty("dateModified").GetString());
    }

    [Fact]
    public void Feeds_mark_a_corrected_entry_as_updated_at_the_latest_correction()
    {
        var (site, built) = TestSite.Build(Corrected);
        using var _ = site;
        built.AssertSucceeded();
        var latest = new DateTimeOffset(2025, 4, 12, 18, 15, 0, TimeSpan.FromHours(5.5));

        var atom = built.Atom("atom.xml").Items.ToDictionary(i => i.Title.Text);
        Assert.Equal(latest, atom["Dam Levels Rise"].LastUpdatedTime);
        Assert.Equal(new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.FromHours(5.5)), atom["Dam Levels Rise"].PublishDate);
        Assert.Equal(atom["Nothing to Correct"].PublishDate, atom["Nothing to Correct"].LastUpdatedTime);

        var json = built.Json("feed.json").RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == "Dam Levels Rise");
        Assert.Equal("2025-04-12T18:15:00+05:30", json.GetProperty("date_modified").GetString());

        var lastmod = built.Xml("sitemap.xml").Descendants().Single(e => e.Name.LocalName == "loc" && e.Value.EndsWith("/corrected/", StringComparison.Ordinal))
            .Parent!.Elements().Single(e => e.Name.LocalName == "lastmod").Value;
        Assert.Equal("2025-04-12T18:15:00+05:30", lastmod);
    }

    [Fact]
    public void Correction_text_is_escaped_like_any_other_markdown()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/script.md --
            ---
            headline: Script
            date: 2025-04-10
            corrections:
              - date: 2025-04-11
                text: "A tag <script>alert(1)</script> was quoted."
            ---
            Body.
            """);
        using var _ = site;
        var page = built.Html("world/2025/04/10/script/index.html");
        Assert.Empty(page.QuerySelectorAll(".corrections script"));
    }

    [Theory]
    [InlineData("corrections: just text", "content/world/bad.md:4:14: error NS0202: 'corrections' must be a list of {date, text}")]
    [InlineData("corrections:\n  - text: No date", "content/world/bad.md:5:5: error NS0202: each correction needs 'date' and 'text'")]
    [InlineData("corrections:\n  - date: soon\n    text: Bad date", "content/world/bad.md:5:11: error NS0203: 'date' is not a date: 'soon' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)")]
    public void A_malformed_correction_is_reported_where_it_is(string field, string expected)
    {
        var (site, built) = TestSite.Build($"""
            -- content/world/bad.md --
            ---
            headline: Bad
            date: 2025-04-10
            {field}
            ---
            Body.
            """);
        using var _ = site;
        built.AssertDiagnostic(expected);
    }
}
