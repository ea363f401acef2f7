using System.Text;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd.Hostile;

/// <summary>
/// Bodies on which Markdig does more than linear work. The work itself is counted in the unit tests
/// (HeadingIdsTests, BodyGuardsTests); these build whole sites with a render budget that only a quadratic path
/// could use up, and check what is published or refused.
/// </summary>
public sealed class QuadraticInputTests
{
    /// <summary>Generous for linear work on 200 kB; a quadratic path took minutes on these bodies.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    [Fact]
    public void Forty_thousand_identical_headings_are_published_with_numbered_ids()
    {
        var body = new StringBuilder("---\nheadline: Headings\ndate: 2025-01-01\n---\n", 210_000);
        for (var i = 0; i < 40_000; i++)
        {
            body.Append("# a\n\n");
        }

        Assert.InRange(body.Length, 200_000, 210_000);
        using var site = TestSite.Create("-- content/world/headings.md --\n" + body);
        var built = site.Build(WithBudget);
        built.AssertSucceeded();
        var ids = built.Html("world/2025/01/01/headings/index.html").QuerySelectorAll(".article-body h1").Select(h => h.Id).ToList();
        Assert.Equal(40_000, ids.Count);
        Assert.Equal(["a", "a-1", "a-2"], ids.Take(3));
        Assert.Equal("a-39999", ids[^1]);
        Assert.Equal(40_000, ids.Distinct().Count());
    }

    [Fact]
    public void Thousands_of_repeated_link_definitions_are_refused_at_the_first_past_the_limit()
    {
        var body = new StringBuilder("---\nheadline: Links\ndate: 2025-01-01\n---\nSee [a].\n\n");
        for (var i = 0; i < 80_000; i++)
        {
            body.Append("[a]: /x").Append(i).Append('\n');
        }

        using var site = TestSite.Create("-- content/world/links.md --\n" + body);
        var built = site.Build(WithBudget);
        built.AssertDiagnostic("content/world/links.md:2007:1: error NS0704: the body has more than 2,000 link reference definitions and footnotes");
        Assert.False(Directory.Exists(site.Output));
    }

    private static BuildOptions WithBudget(BuildOptions options) => options with { Limits = options.Limits with { RenderBudget = Budget } };
}
