using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd.HostileBuilds;

/// <summary>
/// A preview build (a later or earlier "now", drafts, future articles, another base URL, another site) into the
/// output folder of the real site never stands in for the real build that follows: that build is not "up to date",
/// and it publishes exactly what a clean build publishes.
/// </summary>
public sealed class PreviewBuildTests
{
    private const string Fixture = """
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-12-31T09:00:00Z
        ---
        Live since yesterday.
        -- content/world/later.md --
        ---
        headline: Embargoed until the evening
        date: 2026-01-01T18:00:00Z
        ---
        Not yet.
        -- content/world/unfinished.md --
        ---
        headline: Still a draft
        date: 2025-12-30T09:00:00Z
        draft: true
        ---
        Not ready.
        """;

    public static TheoryData<string, Func<BuildOptions, BuildOptions>> Previews() => new()
    {
        { "--now a day after the clock", o => o with { Clock = new FixedClock(TestSite.DefaultNow.AddDays(1)) } },
        { "--now a year after the clock", o => o with { Clock = new FixedClock(TestSite.DefaultNow.AddYears(1)) } },
        { "--future", o => o with { IncludeFuture = true } },
        { "--drafts", o => o with { IncludeDrafts = true } },
        { "--base-url", o => o with { BaseUrl = "https://preview.example/" } },
    };

    [Theory]
    [MemberData(nameof(Previews))]
    public void A_preview_build_is_never_taken_for_the_real_one(string preview, Func<BuildOptions, BuildOptions> configure)
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        site.Build(configure).AssertSucceeded();

        var real = site.Build();
        real.AssertSucceeded();
        Assert.False(real.Result.UpToDate, preview);
        Assert.DoesNotContain(real.Files(), f => f.Contains("/later/", StringComparison.Ordinal) || f.Contains("/unfinished/", StringComparison.Ordinal));
        Assert.DoesNotContain("Embargoed", real.Text("index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("preview.example", real.Text("sitemap.xml"), StringComparison.Ordinal);
        AssertSameAsCleanBuild(site);

        // And the real build's receipt then stands for the real site.
        Assert.True(site.Build().Result.UpToDate, preview);
    }

    [Fact]
    public void A_build_at_an_earlier_now_than_the_last_one_builds_again()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        site.Build().AssertSucceeded();

        // The quake went live at 09:00 on 31 December: a build as of the 30th must not show it.
        var earlier = site.Build(o => o with { Clock = new FixedClock(new DateTimeOffset(2025, 12, 30, 12, 0, 0, TimeSpan.Zero)) });
        earlier.AssertSucceeded();
        Assert.False(earlier.Result.UpToDate);
        Assert.DoesNotContain(earlier.Files(), f => f.Contains("/quake/", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_site_into_the_same_output_builds_again_even_with_the_same_file_names_sizes_and_times()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        site.Build().AssertSucceeded();

        // A copy of the site whose article says something else in as many bytes, with the same modification times.
        var copy = Path.Combine(site.Root, "copy");
        foreach (var file in Directory.EnumerateFiles(site.Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(site.Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }

        var quake = Path.Combine(copy, "content/world/quake.md");
        var time = File.GetLastWriteTimeUtc(quake);
        File.WriteAllText(quake, File.ReadAllText(quake).Replace("Live since yesterday.", "Other words here.....", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(quake, time);

        var other = site.Build(o => o with { SourceRoot = copy });
        other.AssertSucceeded();
        Assert.False(other.Result.UpToDate);
        Assert.Contains("Other words here", other.Text("world/2025/12/31/quake/index.html"), StringComparison.Ordinal);
    }

    private static void AssertSameAsCleanBuild(TestSite site)
    {
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        clean.AssertSucceeded();
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }
}
