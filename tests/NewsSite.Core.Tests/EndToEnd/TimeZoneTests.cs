using System.Text.Json;
using AngleSharp.Dom;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class TimeZoneTests
{
    private static string Site(string zone) => $"""
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        time_zone: {zone}
        """;

    private static string Story(string name, string date, string extra = "") => $"""

        -- content/world/{name}.md --
        ---
        headline: Story {name}
        date: {date}
        {extra}
        ---
        Body of {name}.
        """;

    [Fact]
    public void Offsets_and_abbreviations_follow_the_march_daylight_saving_change()
    {
        // New York moves from EST (-05:00) to EDT (-04:00) at 02:00 on 9 March 2025.
        var (site, built) = TestSite.Build(Site("America/New_York")
            + Story("before", "2025-03-08T12:00")
            + Story("after", "2025-03-10T12:00")
            + Story("last-winter-hour", "2025-03-09T06:30:00Z")
            + Story("first-summer-hour", "2025-03-09T07:30:00Z")
            + Story("across", "2025-03-08T22:00", "updated: 2025-03-09T12:00"));
        using var _ = site;
        built.AssertSucceeded();

        AssertPublished(built.Html("world/2025/03/08/before/index.html"), "2025-03-08T12:00:00-05:00", "8 March 2025, 12:00 EST");
        AssertPublished(built.Html("world/2025/03/10/after/index.html"), "2025-03-10T12:00:00-04:00", "10 March 2025, 12:00 EDT");
        AssertPublished(built.Html("world/2025/03/09/last-winter-hour/index.html"), "2025-03-09T01:30:00-05:00", "9 March 2025, 01:30 EST");
        AssertPublished(built.Html("world/2025/03/09/first-summer-hour/index.html"), "2025-03-09T03:30:00-04:00", "9 March 2025, 03:30 EDT");

        var across = built.Html("world/2025/03/08/across/index.html");
        AssertPublished(across, "2025-03-08T22:00:00-05:00", "8 March 2025, 22:00 EST");
        var updated = across.QuerySelector(".dates .updated time")!;
        Assert.Equal("2025-03-09T12:00:00-04:00", updated.GetAttribute("datetime"));
        Assert.Equal("9 March 2025, 12:00 EDT", updated.TextContent);
        var json = NewsArticle(across);
        Assert.Equal("2025-03-08T22:00:00-05:00", json.GetProperty("datePublished").GetString());
        Assert.Equal("2025-03-09T12:00:00-04:00", json.GetProperty("dateModified").GetString());
        Assert.Equal("2025-03-09T12:00:00-04:00", across.QuerySelector("meta[property='article:modified_time']")!.GetAttribute("content"));
    }

    [Fact]
    public void A_wall_clock_time_that_happens_twice_in_november_is_the_first_one()
    {
        // 01:30 on 2 November 2025 happens in EDT and again in EST; the earlier instant is taken.
        var (site, built) = TestSite.Build(Site("America/New_York") + Story("twice", "2025-11-02T01:30") + Story("skipped", "2025-03-09T02:30"));
        using var _ = site;
        built.AssertSucceeded();
        AssertPublished(built.Html("world/2025/11/02/twice/index.html"), "2025-11-02T01:30:00-04:00", "2 November 2025, 01:30 EDT");

        // 02:30 on 9 March does not exist in New York: it moves forward by the hour the clocks skipped.
        AssertPublished(built.Html("world/2025/03/09/skipped/index.html"), "2025-03-09T03:30:00-04:00", "9 March 2025, 03:30 EDT");
    }

    [Fact]
    public void A_date_only_article_is_midnight_in_the_site_zone_and_keeps_its_day()
    {
        // Midnight in Kolkata is still 8 March in UTC; the URL and archive use the newsroom's day.
        var (site, built) = TestSite.Build(Site("Asia/Kolkata") + Story("date-only", "2025-03-09"));
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("world/2025/03/09/date-only/index.html");
        AssertPublished(page, "2025-03-09T00:00:00+05:30", "9 March 2025, 00:00 IST");
        Assert.False(built.Exists("world/2025/03/08/date-only/index.html"));
        Assert.Contains("/world/2025/03/09/date-only/", ArchiveLinks(built, "2025/03/index.html"));
    }

    [Fact]
    public void A_date_only_article_in_a_zone_far_ahead_of_utc_keeps_its_day()
    {
        // Auckland is at +13:00 in March (NZDT): its midnight is 11:00 the previous day in UTC.
        var (site, built) = TestSite.Build(Site("Pacific/Auckland") + Story("date-only", "2025-03-09") + Story("winter", "2025-07-01"));
        using var _ = site;
        built.AssertSucceeded();
        AssertPublished(built.Html("world/2025/03/09/date-only/index.html"), "2025-03-09T00:00:00+13:00", "9 March 2025, 00:00 NZDT");
        AssertPublished(built.Html("world/2025/07/01/winter/index.html"), "2025-07-01T00:00:00+12:00", "1 July 2025, 00:00 NZST");
    }

    [Fact]
    public void An_instant_given_in_utc_is_filed_under_the_newsroom_day_month_and_year()
    {
        var (site, built) = TestSite.Build(Site("Asia/Kolkata")
            + Story("month-end", "2025-03-31T20:00:00Z")      // 1 April, 01:30 IST
            + Story("month-last", "2025-03-31T18:00:00Z")     // 31 March, 23:30 IST
            + Story("new-year", "2024-12-31T19:00:00Z")       // 1 January 2025, 00:30 IST
            + Story("old-year", "2024-12-31T18:00:00Z"));     // 31 December 2024, 23:30 IST
        using var _ = site;
        built.AssertSucceeded();

        AssertPublished(built.Html("world/2025/04/01/month-end/index.html"), "2025-04-01T01:30:00+05:30", "1 April 2025, 01:30 IST");
        AssertPublished(built.Html("world/2025/03/31/month-last/index.html"), "2025-03-31T23:30:00+05:30", "31 March 2025, 23:30 IST");
        AssertPublished(built.Html("world/2025/01/01/new-year/index.html"), "2025-01-01T00:30:00+05:30", "1 January 2025, 00:30 IST");
        AssertPublished(built.Html("world/2024/12/31/old-year/index.html"), "2024-12-31T23:30:00+05:30", "31 December 2024, 23:30 IST");

        Assert.Equal(["/world/2025/04/01/month-end/"], ArchiveLinks(built, "2025/04/index.html"));
        Assert.Equal(["/world/2025/03/31/month-last/"], ArchiveLinks(built, "2025/03/index.html"));
        Assert.Equal(["/world/2025/01/01/new-year/"], ArchiveLinks(built, "2025/01/index.html"));
        Assert.Equal(["/world/2024/12/31/old-year/"], ArchiveLinks(built, "2024/index.html"));
        Assert.DoesNotContain("/world/2025/01/01/new-year/", ArchiveLinks(built, "2024/index.html"));
    }

    [Fact]
    public void A_site_without_a_time_zone_uses_utc_not_the_machine_zone()
    {
        var (site, built) = TestSite.Build(Story("plain", "2025-03-09T23:30"));
        using var _ = site;
        built.AssertSucceeded();
        AssertPublished(built.Html("world/2025/03/09/plain/index.html"), "2025-03-09T23:30:00+00:00", "9 March 2025, 23:30 UTC");
    }

    private static void AssertPublished(IDocument page, string iso, string display)
    {
        var time = page.QuerySelector(".dates time")!;
        Assert.Equal(iso, time.GetAttribute("datetime"));
        Assert.Equal(display, time.TextContent);
        Assert.Equal(iso, NewsArticle(page).GetProperty("datePublished").GetString());
        Assert.Equal(iso, page.QuerySelector("meta[property='article:published_time']")!.GetAttribute("content"));
    }

    internal static JsonElement NewsArticle(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "NewsArticle");

    private static List<string> ArchiveLinks(BuiltSite built, string path) =>
        [.. built.Html(path).QuerySelectorAll(".teaser-headline a").Select(a => a.GetAttribute("href")!)];
}
