using NewsSite.Caching;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Tests.TestSupport;
using NewsSite.Time;

namespace NewsSite.Tests.FrontMatter;

public sealed class ArticleLoaderTests
{
    private const string Fixture = """
        -- content/world/a.md --
        ---
        headline: A
        date: 2025-04-30T18:45:00+05:30
        ---
        First body, with a café.

        ## More
        -- content/world/b.md --
        ---
        headline: B
        date: 2025-04-29T18:45:00+05:30
        ---
        Second body.
        """;

    private static (IReadOnlyList<NewsSite.FrontMatter.Article> Articles, DiagnosticBag Diagnostics) Load(TestSite site)
    {
        var limits = ArticleLimits.Default;
        var diagnostics = new DiagnosticBag();
        var files = ContentSource.Discover(site.Source, diagnostics);
        return (new ArticleLoader(new ArticleReader(SiteTimeZone.Utc, limits), limits, "UTC").Load(files, diagnostics, BuildCache.None, DateTime.MinValue).Articles, diagnostics);
    }

    [Fact]
    public void Bodies_are_read_back_from_their_files_as_they_were_parsed()
    {
        using var site = TestSite.Create(Fixture);
        site.WriteFile("content/world/c.md", "---\r\nheadline: C\r\ndate: 2025-04-28T00:00:00Z\r\n---\r\nWindows\r\nline endings\r\n");

        var (articles, diagnostics) = Load(site);

        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal(
            ["First body, with a café.\n\n## More\n", "Second body.\n", "Windows\nline endings\n"],
            articles.Select(a => a.Body));
        Assert.Equal(articles.Select(a => a.Body), articles.Select(a => a.Body));
    }

    [Fact]
    public void Articles_share_one_string_per_tag_author_section_and_dateline_however_often_they_are_written()
    {
        const string Names = "section: world\nauthors: [Asha Rao]\ntags: [Climate Change, Energy]\ndateline: Oslo\n";
        using var site = TestSite.Create(Fixture);
        site.WriteFile("content/world/a.md", $"---\nheadline: A\ndate: 2025-04-30T00:00:00Z\n{Names}---\nOne.\n");
        site.WriteFile("content/world/b.md", $"---\nheadline: B\ndate: 2025-04-29T00:00:00Z\n{Names}---\nTwo.\n");

        var (articles, diagnostics) = Load(site);

        Assert.Empty(diagnostics.ToSortedList());
        var (a, b) = (articles[0], articles[1]);
        Assert.Equal(["Climate Change", "Energy"], b.Tags);
        Assert.Same(a.Tags[0], b.Tags[0]);
        Assert.Same(a.Tags[1], b.Tags[1]);
        Assert.Same(a.Authors[0], b.Authors[0]);
        Assert.Same(a.Section, b.Section);
        Assert.Same(a.Dateline, b.Dateline);
    }

    [Fact]
    public void A_file_edited_after_it_was_read_is_reported_not_silently_mixed_in()
    {
        using var site = TestSite.Create(Fixture);
        var (articles, _) = Load(site);

        site.WriteFile("content/world/a.md", "---\nheadline: A\ndate: 2025-04-30T18:45:00+05:30\n---\nRewritten.\n");

        var changed = Assert.Throws<ContentChangedException>(() => articles[0].Body);
        Assert.Equal("content/world/a.md", changed.Path);
        Assert.Equal("Second body.\n", articles[1].Body);
    }
}
