using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

public sealed partial class BuildOutputTests
{
    private const string Site = """
        -- content/world/a.md --
        ---
        headline: A
        date: 2025-01-02
        ---
        Body
        -- content/world/b.md --
        ---
        headline: B
        date: 2025-01-03
        ---
        Body
        """;

    private const string Broken = """
        -- content/world/a.md --
        ---
        headline: A
        date: yesterday
        ---
        Body
        """;

    [Fact]
    public void Files_that_a_build_no_longer_produces_are_removed_from_the_output()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output).ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Output, "world/2025/01/03/b/index.html")));
        File.WriteAllText(Path.Combine(site.Output, "left-by-hand.html"), "stale");

        File.Delete(Path.Combine(site.Source, "content/world/b.md"));
        var run = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Output, "world/2025/01/03/b/index.html")));
        Assert.False(File.Exists(Path.Combine(site.Output, "left-by-hand.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "world/2025/01/02/a/index.html")));
    }

    [Fact]
    public void The_summary_counts_articles_pages_feeds_files_warnings_and_seconds()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.Equal(0, run.ExitCode);
        var files = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Count();
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Count();
        Assert.Matches($@"^built 2 articles, {pages} pages, \d+ feeds, {files} files, 0 warning\(s\) in \d+\.\d\d s\n$", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Quiet_prints_nothing_when_all_is_well()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--quiet");

        Assert.Equal((0, "", ""), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public void Quiet_still_prints_errors()
    {
        using var site = TestSite.Create(Broken);

        var run = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("content/world/a.md:3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_prints_each_stage_with_its_time()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--verbose");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  reading articles \(2\): \d+\.\d{3} s$"));
        Assert.Contains(lines, l => l.StartsWith("  writing pages (2): ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("built 2 articles", StringComparison.Ordinal));
        Assert.Contains($"  output: {Path.GetFullPath(site.Output)}", lines);
    }

    [Fact]
    public void A_build_with_nothing_to_do_says_the_site_is_up_to_date_and_repeats_the_warnings()
    {
        using var site = TestSite.Create(Site + """

            -- content/world/risky.md --
            ---
            headline: A risky link
            date: 2025-03-03T10:00:00Z
            ---
            See [this](javascript:alert(1)).
            """);
        site.Settle();

        var first = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        var second = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("built 3 articles", first.Out, StringComparison.Ordinal);
        Assert.StartsWith("up to date, nothing changed since the last build: 3 articles", second.Out, StringComparison.Ordinal);
        Assert.Contains("content/world/risky.md:", first.Error, StringComparison.Ordinal);
        Assert.Equal(first.Error, second.Error);
    }

    [Fact]
    public void Errors_are_red_on_a_terminal()
    {
        using var site = TestSite.Create(Broken);

        var run = CliRunner.Run(new CliSetup { Interactive = true }, "build", "--source", site.Source, "--output", site.Output);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("\u001b[31mcontent/world/a.md:3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_colours_when_NO_COLOR_is_set_even_on_a_terminal()
    {
        using var site = TestSite.Create(Broken);
        var setup = new CliSetup { Interactive = true, Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" } };

        var run = CliRunner.Run(setup, "build", "--source", site.Source, "--output", site.Output);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error + run.Out);
    }

    [Fact]
    public void No_colours_when_the_output_is_not_a_terminal()
    {
        using var site = TestSite.Create(Broken);

        var run = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.DoesNotContain('\u001b', run.Error + run.Out);
    }

    [Fact]
    public void A_second_build_renders_nothing_and_clean_renders_everything()
    {
        using var site = TestSite.Create(Site);
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output).ExitCode);

        var again = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--verbose");
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"(?m)^  article files read: 2 of 2; pages rendered: 0 of \d+; pictures processed: 0; files written: \d+ of \d+$", again.Out);

        var clean = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--verbose", "--clean");
        var match = System.Text.RegularExpressions.Regex.Match(clean.Out, @"(?m)^  article files read: \d+ of \d+; pages rendered: (\d+) of (\d+);");
        Assert.True(match.Success, clean.ToString());
        Assert.Equal(match.Groups[2].Value, match.Groups[1].Value);
    }

    [Fact]
    public void Verbose_counts_compare_like_with_like()
    {
        // A draft is an article file read but not published; a page kept from the last build is not a file written.
        using var site = TestSite.Create(Site + """

            -- content/world/draft.md --
            ---
            headline: Draft
            date: 2025-01-04
            draft: true
            ---
            Body
            """);
        var first = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--verbose");
        Assert.Contains("built 2 articles,", first.Out, StringComparison.Ordinal);
        var counts = VerboseCounts().Match(first.Out);
        Assert.True(counts.Success, first.ToString());
        Assert.Equal(("3", "3"), (counts.Groups["read"].Value, counts.Groups["files"].Value));
        Assert.Equal(counts.Groups["pages"].Value, counts.Groups["rendered"].Value);
        Assert.Equal(counts.Groups["total"].Value, counts.Groups["written"].Value);

        File.SetLastWriteTimeUtc(Path.Combine(site.Source, "content/world/a.md"), DateTime.UtcNow);
        var touched = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--verbose");
        counts = VerboseCounts().Match(touched.Out);
        Assert.True(counts.Success, touched.ToString());
        Assert.Equal("3", counts.Groups["files"].Value);
        Assert.Equal("0", counts.Groups["rendered"].Value);
        var pages = int.Parse(counts.Groups["pages"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var written = int.Parse(counts.Groups["written"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var total = int.Parse(counts.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(written <= total - pages, $"{pages} pages were kept, yet {written} of {total} files are said to be written");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^  article files read: (?<read>\d+) of (?<files>\d+); pages rendered: (?<rendered>\d+) of (?<pages>\d+); pictures processed: \d+; files written: (?<written>\d+) of (?<total>\d+)$")]
    private static partial System.Text.RegularExpressions.Regex VerboseCounts();
}
