using NewsSite.Content;
using NewsSite.FrontMatter;
using NewsSite.Tests.TestSupport;
using NewsSite.Time;

namespace NewsSite.Tests;

public sealed class NewCommandTests
{
    private const string Site = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        time_zone: Asia/Kolkata
        sections: [world, politics]
        """;

    /// <summary>06:00 UTC is 11:30 in Kolkata.</summary>
    private static readonly CliSetup At0600Utc = new() { Clock = new FixedClock(new DateTimeOffset(2025, 5, 1, 6, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public void Writes_a_draft_with_headline_local_date_section_and_empty_key_points_and_prints_its_path()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run(At0600Utc, "new", "Quake: \"Big\" One", "--source", site.Source);

        Assert.Equal(0, run.ExitCode);
        var path = run.Out.TrimEnd('\n');
        Assert.EndsWith("content/world/quake-big-one.md", path, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        var text = File.ReadAllText(path);
        Assert.Contains("date: 2025-05-01T11:30:00+05:30\n", text, StringComparison.Ordinal);

        var (article, problems) = new ArticleReader(SiteTimeZone.Find("Asia/Kolkata")!, ArticleLimits.Default).Read(SourceText.NormalizeLineEndings(text), "content/world/quake-big-one.md");
        Assert.Empty(problems);
        Assert.Equal("Quake: \"Big\" One", article!.Headline);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 11, 30, 0, TimeSpan.FromHours(5.5)), article.Date);
        Assert.Equal(TimeSpan.FromHours(5.5), article.Date.Offset);
        Assert.Equal("world", article.Section);
        Assert.Empty(article.KeyPoints);
        Assert.True(article.Draft);
    }

    [Fact]
    public void Placeholders_inside_the_headline_stay_text()
    {
        using var site = TestSite.Create(Site + "\n-- archetypes/article.md --\n---\nheadline: {{ headline }}\ndate: {{ date }}\nsection: {{ section }}\n# {{ slug }}\ndraft: true\n---\n");
        const string headline = "Why {{ date }} and {{ slug }} matter\u2028{{ section }}\u0085 now";

        var run = CliRunner.Run(At0600Utc, "new", headline, "--source", site.Source);

        Assert.Equal(0, run.ExitCode);
        var path = run.Out.TrimEnd('\n');
        var text = File.ReadAllText(path);
        Assert.Contains("headline: \"Why {{ date }} and {{ slug }} matter\\u2028{{ section }}\\u0085 now\"\n", text, StringComparison.Ordinal);
        var (article, problems) = new ArticleReader(SiteTimeZone.Find("Asia/Kolkata")!, ArticleLimits.Default).Read(SourceText.NormalizeLineEndings(text), "content/world/x.md");
        Assert.Empty(problems);
        Assert.Equal(headline, article!.Headline);
    }

    [Fact]
    public void A_headline_too_long_for_a_file_name_gets_a_slug_cut_at_a_word()
    {
        using var site = TestSite.Create(Site);
        var headline = string.Join(' ', Enumerable.Repeat("Monsoon", 60)) + " Ends";

        var run = CliRunner.Run(At0600Utc, "new", headline, "--source", site.Source);

        Assert.Equal(0, run.ExitCode);
        var name = Path.GetFileNameWithoutExtension(run.Out.TrimEnd('\n'));
        Assert.Equal(string.Join('-', Enumerable.Repeat("monsoon", 10)), name);
        Assert.Contains("headline: \"" + headline + "\"", File.ReadAllText(run.Out.TrimEnd('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_word_too_long_for_a_file_name_is_cut_to_the_limit()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run(At0600Utc, "new", new string('x', 300), "--source", site.Source);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new string('x', 80) + ".md", Path.GetFileName(run.Out.TrimEnd('\n')));
    }

    [Fact]
    public void The_new_article_builds_as_a_draft_page()
    {
        using var site = TestSite.Create(Site);
        var path = CliRunner.Run(At0600Utc, "new", "Rains Arrive Early", "--section", "politics", "--source", site.Source).Out.TrimEnd('\n');
        Assert.EndsWith("content/politics/rains-arrive-early.md", path, StringComparison.Ordinal);

        var build = CliRunner.Run(At0600Utc, "build", "--source", site.Source, "--output", site.Output, "--drafts", "--now", "2025-05-01T07:00:00Z");

        Assert.Equal(0, build.ExitCode);
        var page = new BuiltSite(new BuildResult { Diagnostics = [] }, site.Output).Html("politics/2025/05/01/rains-arrive-early/index.html");
        Assert.StartsWith("Rains Arrive Early", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Draft", page.QuerySelector("h1 .badge")!.TextContent);
    }

    [Fact]
    public void Refuses_to_overwrite_an_existing_article()
    {
        using var site = TestSite.Create(Site);
        site.WriteFile("content/world/rains.md", "an editor's work\n");

        var run = CliRunner.Run(At0600Utc, "new", "Rains", "--source", site.Source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/world/rains.md already exists", run.Error, StringComparison.Ordinal);
        Assert.Equal("an editor's work\n", File.ReadAllText(Path.Combine(site.Source, "content/world/rains.md")));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void The_sites_own_archetype_is_used_when_it_has_one()
    {
        using var site = TestSite.Create(Site + """

            -- archetypes/article.md --
            ---
            headline: {{ headline }}
            date: {{ date }}
            section: {{ section }}
            authors: [Night Desk]
            draft: true
            ---
            Slug: {{ slug }}
            """);

        var path = CliRunner.Run(At0600Utc, "new", "Night Report", "--source", site.Source).Out.TrimEnd('\n');

        var text = File.ReadAllText(path);
        Assert.Contains("authors: [Night Desk]\n", text, StringComparison.Ordinal);
        Assert.Contains("headline: \"Night Report\"\n", text, StringComparison.Ordinal);
        Assert.Contains("Slug: night-report\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archetype_that_is_a_named_pipe_is_an_error_not_a_wait()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // pipes are told apart on Linux only
        }

        using var site = TestSite.Create(Site);
        SpecialFiles.MakeFifo(Path.Combine(site.Source, "archetypes/article.md"));

        var run = await Task.Run(() => CliRunner.Run(At0600Utc, "new", "Night Report", "--source", site.Source)).WaitAsync(SpecialFiles.BuildLimit);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("archetypes/article.md:1:1: error NS0003: cannot read the file: it is a named pipe, not a regular file\n", run.Error);
        Assert.False(Directory.Exists(Path.Combine(site.Source, "content")));
    }

    [Theory]
    [InlineData("--section", "Not A Slug")]
    [InlineData("--section", "../escape")]
    public void A_section_that_is_not_a_slug_is_a_usage_error(string option, string value)
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run(At0600Utc, "new", "Anything", option, value, "--source", site.Source);

        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(site.Source, "content")));
    }

    [Fact]
    public void A_section_that_site_yaml_does_not_list_is_refused_with_the_listed_ones()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run(At0600Utc, "new", "Cup Final", "--section", "politcs", "--source", site.Source);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: section 'politcs' is not one of the sections in site.yaml (world, politics); did you mean 'politics'? A new section is added to 'sections' in site.yaml first\n", run.Error);
        Assert.False(Directory.Exists(Path.Combine(site.Source, "content")));
    }

    [Fact]
    public void A_headline_without_letters_or_digits_is_a_usage_error()
    {
        using var site = TestSite.Create(Site);

        var run = CliRunner.Run(At0600Utc, "new", "?!", "--source", site.Source);

        Assert.Equal(2, run.ExitCode);
    }
}
