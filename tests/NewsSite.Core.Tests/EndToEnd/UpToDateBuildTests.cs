using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>
/// A build that finds its inputs and output as the last build left them does nothing and says so; anything that
/// could change the site (an edit, a touched output, the clock reaching a scheduled change, other options) builds.
/// </summary>
public sealed class UpToDateBuildTests
{
    private const string Fixture = """
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-12-31T09:00:00Z
        tags: [Disasters]
        ---
        The first paragraph.

        [a link](javascript:alert(1))
        -- content/world/later.md --
        ---
        headline: Scheduled for later
        date: 2026-01-01T18:00:00Z
        ---
        Not yet.
        """;

    [Fact]
    public void A_second_build_of_settled_files_is_up_to_date_and_reports_the_same_warnings()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        var first = site.Build();
        first.AssertSucceeded();
        Assert.False(first.Result.UpToDate);
        var before = OutputHashes.Of(site.Output);

        var second = site.Build();
        second.AssertSucceeded();
        Assert.True(second.Result.UpToDate);
        Assert.Equal(0, second.Result.PagesRendered);
        Assert.Equal(0, second.Result.FilesWritten);
        Assert.Equal(first.Result.Pages, second.Result.Pages);
        Assert.Equal(first.Result.Files, second.Result.Files);
        Assert.Equal(first.Result.Feeds, second.Result.Feeds);
        Assert.Equal(first.Result.NextScheduledChange, second.Result.NextScheduledChange);
        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(first.Messages, second.Messages);
        Assert.Equal(before, OutputHashes.Of(site.Output));
    }

    [Fact]
    public void A_site_with_an_empty_feed_is_up_to_date_too()
    {
        // The sport section has no articles: its feeds are empty, and dated by the site's newest change.
        using var site = TestSite.Create("-- site.yaml --\ntitle: Test Times\nbase_url: https://news.example/\nsections: [world, sport]\n" + Fixture);
        site.Settle();
        site.Build().AssertSucceeded();
        Assert.True(File.Exists(Path.Combine(site.Output, "sport/atom.xml")));

        var second = site.Build();
        second.AssertSucceeded();
        Assert.True(second.Result.UpToDate);
    }

    [Fact]
    public void Files_written_in_the_last_seconds_are_not_trusted()
    {
        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        Assert.False(site.Build().Result.UpToDate);
    }

    public static TheoryData<string, Action<TestSite>> Changes() => new()
    {
        { "article edited", s => s.WriteFile("content/world/quake.md", "---\nheadline: Quake rewritten\ndate: 2025-12-31T09:00:00Z\n---\nNew text.\n") },
        { "article added", s => s.WriteFile("content/world/new.md", "---\nheadline: New one\ndate: 2025-12-30T09:00:00Z\n---\nNew.\n") },
        { "article deleted", s => File.Delete(Path.Combine(s.Source, "content/world/quake.md")) },
        { "site.yaml edited", s => s.WriteFile("site.yaml", TestSite.DefaultConfig.Replace("Test Times", "Other Times", StringComparison.Ordinal) + "\n") },
        { "template added", s => s.WriteFile("templates/partials/footer.html", "<footer><p>Our own footer</p></footer>\n") },
        { "output file deleted", s => File.Delete(Path.Combine(s.Output, "world", "index.html")) },
        { "output file added", s => File.WriteAllText(Path.Combine(s.Output, "stray.html"), "stray") },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_builds_and_gives_what_a_clean_build_gives(string change, Action<TestSite> apply)
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        site.Build().AssertSucceeded();

        apply(site);
        var rebuilt = site.Build();
        rebuilt.AssertSucceeded();
        Assert.False(rebuilt.Result.UpToDate, change);

        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }

    [Fact]
    public void Other_options_or_clean_build_again()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        site.Build().AssertSucceeded();

        Assert.False(site.Build(o => o with { IncludeFuture = true }).Result.UpToDate);
        Assert.False(site.Build(o => o with { BaseUrl = "https://preview.example/" }).Result.UpToDate);
        Assert.False(site.Build(o => o with { Incremental = false }).Result.UpToDate);
        Assert.True(site.Build().Result.UpToDate);
    }

    [Fact]
    public void The_clock_reaching_a_scheduled_article_builds_it()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        site.Build().AssertSucceeded();
        Assert.True(site.Build(o => o with { Clock = new FixedClock(TestSite.DefaultNow.AddHours(5)) }).Result.UpToDate);

        var live = site.Build(o => o with { Clock = new FixedClock(TestSite.DefaultNow.AddHours(7)) });
        live.AssertSucceeded();
        Assert.False(live.Result.UpToDate);
        Assert.Contains(live.Files(), f => f.EndsWith("/later/index.html", StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_leaving_the_news_sitemaps_window_builds_again()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        var first = site.Build(o => o with { Clock = new FixedClock(TestSite.DefaultNow.AddHours(1)) });
        first.AssertSucceeded();
        Assert.Contains("/quake/", first.Text("news-sitemap.xml"), StringComparison.Ordinal);

        // The scheduled article goes live (and into the sitemap) at 18:00; the quake leaves the 48-hour window the
        // next day at 09:00. Between the two, nothing changes.
        var afterSchedule = site.Build(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 19, 0, 0, TimeSpan.Zero)) });
        Assert.False(afterSchedule.Result.UpToDate);
        Assert.True(site.Build(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero)) }).Result.UpToDate);

        var later = site.Build(o => o with { Clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)) });
        later.AssertSucceeded();
        Assert.False(later.Result.UpToDate);
        Assert.DoesNotContain("/quake/", later.Text("news-sitemap.xml"), StringComparison.Ordinal);
    }
}
