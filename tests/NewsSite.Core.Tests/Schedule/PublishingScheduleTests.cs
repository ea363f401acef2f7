using NewsSite.Model;
using NewsSite.Schedule;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Schedule;

public sealed class PublishingScheduleTests
{
    // Now is 2026-01-01T12:00:00Z, 17:30 in Kolkata.
    private const string Fixture = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/news/
        time_zone: Asia/Kolkata
        -- content/world/published.md --
        ---
        headline: Already Out
        date: 2025-12-01
        ---
        Body.
        -- content/world/tonight.md --
        ---
        headline: Tonight's Story
        date: 2026-01-01T20:00
        ---
        Body.
        -- content/politics/leaving.md --
        ---
        headline: Leaving Soon
        date: 2025-12-01
        expires: 2026-01-01T18:00
        ---
        Body.
        -- content/politics/poll.md --
        ---
        headline: Poll Preview
        date: 2026-01-02T00:00:00Z
        expires: 2026-01-10
        ---
        Body.
        -- content/politics/draft.md --
        ---
        headline: Secret
        date: 2026-01-03
        draft: true
        ---
        Body.
        -- content/world/gone.md --
        ---
        headline: Gone
        date: 2025-11-01
        expires: 2025-12-01
        ---
        Body.
        """;

    [Fact]
    public void Future_and_expiring_articles_are_listed_in_time_order_in_the_site_zone()
    {
        using var site = TestSite.Create(Fixture);
        var result = PublishingSchedule.Read(new ScheduleOptions { SourceRoot = site.Source, Clock = new FixedClock(TestSite.DefaultNow) });

        Assert.True(result.Succeeded);
        Assert.Equal("Asia/Kolkata", result.TimeZone!.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 17, 30, 0, TimeSpan.FromHours(5.5)), result.Now);
        Assert.Equal(TimeSpan.FromHours(5.5), result.Now.Offset);
        Assert.Equal(
            [
                (ScheduledChangeKind.Expires, "2026-01-01T18:00:00+05:30", "content/politics/leaving.md", "Leaving Soon", "https://news.example/news/politics/2025/12/01/leaving/"),
                (ScheduledChangeKind.GoesLive, "2026-01-01T20:00:00+05:30", "content/world/tonight.md", "Tonight's Story", "https://news.example/news/world/2026/01/01/tonight/"),
                (ScheduledChangeKind.GoesLive, "2026-01-02T05:30:00+05:30", "content/politics/poll.md", "Poll Preview", "https://news.example/news/politics/2026/01/02/poll/"),
                (ScheduledChangeKind.Expires, "2026-01-10T00:00:00+05:30", "content/politics/poll.md", "Poll Preview", "https://news.example/news/politics/2026/01/02/poll/"),
            ],
            result.Entries.Select(e => (e.Kind, e.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), e.SourcePath, e.Headline, e.Url)));
    }

    [Fact]
    public void The_first_entry_is_the_next_change_a_build_reports()
    {
        using var site = TestSite.Create(Fixture);
        var schedule = PublishingSchedule.Read(new ScheduleOptions { SourceRoot = site.Source, Clock = new FixedClock(TestSite.DefaultNow) });
        var built = site.Build();
        built.AssertSucceeded();
        Assert.Equal(schedule.Entries[0].At, built.Result.NextChange);
        Assert.Equal("content/politics/leaving.md", built.Result.NextScheduledChange!.SourcePath);
        Assert.Equal(ScheduledChangeKind.Expires, built.Result.NextScheduledChange.Kind);
    }

    [Fact]
    public void Once_a_moment_has_passed_the_schedule_and_the_build_agree_on_what_changed()
    {
        using var site = TestSite.Create(Fixture);
        var later = new FixedClock(new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.FromHours(5.5)));
        var schedule = PublishingSchedule.Read(new ScheduleOptions { SourceRoot = site.Source, Clock = later });
        Assert.Equal(["content/politics/poll.md", "content/politics/poll.md"], schedule.Entries.Select(e => e.SourcePath));

        var built = site.Build(o => o with { Clock = later });
        built.AssertSucceeded();
        Assert.True(built.Exists("world/2026/01/01/tonight/index.html"));
        Assert.False(built.Exists("politics/2025/12/01/leaving/index.html"));
        Assert.Equal(schedule.Entries[0].At, built.Result.NextChange);
    }

    [Fact]
    public void Errors_in_articles_are_reported_and_the_readable_ones_still_listed()
    {
        using var site = TestSite.Create(Fixture + """

            -- content/world/broken.md --
            ---
            headline: Broken
            date: tomorrow
            ---
            Body.
            """);
        var result = PublishingSchedule.Read(new ScheduleOptions { SourceRoot = site.Source, Clock = new FixedClock(TestSite.DefaultNow) });
        Assert.False(result.Succeeded);
        Assert.Contains("content/world/broken.md:3:7: error NS0203: 'date' is not a date: 'tomorrow' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)", result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(4, result.Entries.Count);
    }

    [Fact]
    public void A_site_without_site_yaml_has_no_schedule()
    {
        using var site = TestSite.Create("-- site.yaml --\n");
        File.Delete(Path.Combine(site.Source, "site.yaml"));
        var result = PublishingSchedule.Read(new ScheduleOptions { SourceRoot = site.Source, Clock = new FixedClock(TestSite.DefaultNow) });
        Assert.False(result.Succeeded);
        Assert.Null(result.TimeZone);
        Assert.Empty(result.Entries);
    }
}
