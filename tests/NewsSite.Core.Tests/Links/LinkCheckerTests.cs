using NewsSite.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Links;

public sealed class LinkCheckerTests
{
    private static BuiltSite BuildChecked(TestSite site) => site.Build(options => options with { CheckLinks = true, DryRun = true });

    [Fact]
    public void The_default_theme_has_no_broken_links()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            tags: [Rain]
            authors: [Jane Doe]
            ---
            Body with a [link to the home page](/) and [to the section](/world/).
            """);

        var built = BuildChecked(site);

        built.AssertSucceeded();
        Assert.DoesNotContain(built.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
    }

    [Fact]
    public void A_link_to_a_missing_page_is_reported_at_the_pages_output_path_and_line()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            ---
            See [the missing page](/world/missing/).
            """);

        var built = BuildChecked(site);

        Assert.False(built.Result.Succeeded);
        var broken = Assert.Single(built.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal(Severity.Error, broken.Severity);
        Assert.Equal("world/2025/01/02/a/index.html", broken.Location!.Value.Path);
        Assert.Contains("'/world/missing/'", broken.Message, StringComparison.Ordinal);
        Assert.Contains("world/missing/index.html", broken.Message, StringComparison.Ordinal);

        // The reported line of the rendered page holds the link.
        var page = File.ReadAllLines(Path.Combine(PageSource(site), "world/2025/01/02/a/index.html"));
        Assert.Contains("/world/missing/", page[broken.Location.Value.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_links_and_absolute_links_to_the_site_are_resolved_and_checked()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            ---
            [sibling](../b/) [absolute](https://news.example/politics/) [image](/media/none.png) [fine](../../../../../world/)
            -- content/world/b.md --
            ---
            headline: B
            date: 2025-01-02
            ---
            Body
            """);

        var built = BuildChecked(site);

        var messages = built.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("'https://news.example/politics/'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'/media/none.png'", StringComparison.Ordinal));
    }

    [Fact]
    public void External_links_fragments_and_other_schemes_are_not_checked()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            ---
            [ext](https://other.example/missing/) [mail](mailto:desk@news.example) [top](#top) [proto](//cdn.example/x.js)
            """);

        var built = BuildChecked(site);

        built.AssertSucceeded();
    }

    [Fact]
    public void Links_are_checked_under_the_base_path_of_the_site()
    {
        using var site = TestSite.Create("""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/news/
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            ---
            [ok](/news/world/) [missing](/news/nowhere/) [outside the site](/shop/)
            """);

        var built = BuildChecked(site);

        var broken = Assert.Single(built.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Contains("'/news/nowhere/'", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_link_on_many_pages_is_reported_once_with_the_count_of_other_pages()
    {
        using var site = TestSite.Create("""
            -- templates/partials/footer.html --
            <footer><a href="/about/">About</a></footer>
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            ---
            Body
            """);

        var built = BuildChecked(site);

        // Every page has the footer: reported at the first page in ordinal order, the others counted.
        var broken = Assert.Single(built.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal("2025/01/index.html", broken.Location!.Value.Path);
        var pages = site.Build().Files().Count(f => f.EndsWith(".html", StringComparison.Ordinal));
        Assert.EndsWith($"(and on {pages - 1} other pages)", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_not_checked_unless_asked()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            ---
            See [the missing page](/world/missing/).
            """);

        var built = site.Build();

        built.AssertSucceeded();
    }

    /// <summary>Where a checked page can be read again: a build of the same site that is kept.</summary>
    private static string PageSource(TestSite site)
    {
        site.Build().AssertSucceeded();
        return site.Output;
    }
}
