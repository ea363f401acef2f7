using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>Bodies are read back from their files when their pages are rendered, and must still be what was read.</summary>
public sealed class EditedDuringBuildTests
{
    private const string Fixture = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        -- content/world/quake.md --
        ---
        headline: Quake strikes the coast
        date: 2025-04-30T18:45:00+05:30
        summary: A strong quake struck.
        tags: [Coast]
        ---
        The first paragraph, with a café and *emphasis*.

        ## What happened

        Rescue teams arrived.
        -- content/world/rain.md --
        ---
        headline: Rain returns
        date: 2025-04-29T08:00:00+05:30
        tags: [Coast]
        ---
        Rain fell across the region, without a summary in the front matter.
        """;

    [Fact]
    public void An_article_edited_while_the_site_is_built_fails_the_build_and_the_previous_output_stays()
    {
        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        var page = Path.Combine(site.Output, "world/2025/04/30/quake/index.html");
        var before = File.ReadAllBytes(page);

        var edit = new EditOnStage("loading templates", () =>
            site.WriteFile("content/world/quake.md", "---\nheadline: Quake strikes the coast\ndate: 2025-04-30T18:45:00+05:30\nsummary: A strong quake struck.\n---\nRewritten while the build ran.\n"));
        var built = site.Build(o => o with { Progress = edit, Incremental = false });

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic("content/world/quake.md:1:1: error NS0003: content/world/quake.md changed while the site was being built; build again");
        Assert.Equal(before, File.ReadAllBytes(page));
    }

    private sealed class EditOnStage(string stage, Action edit) : IProgress<BuildStage>
    {
        public void Report(BuildStage value)
        {
            if (value.Name == stage)
            {
                edit();
            }
        }
    }
}
