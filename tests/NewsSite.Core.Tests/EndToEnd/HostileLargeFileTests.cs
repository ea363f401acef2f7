using System.Text;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>
/// Files near the size limit, built as the hostile corpus is (<see cref="HostileCorpusTests"/>). A class of their
/// own, so that these two, the slowest of the corpus, run beside it rather than after it.
/// </summary>
public sealed class HostileLargeFileTests
{
    [Fact]
    public async Task A_million_line_file_is_published()
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + HostileCorpusTests.NormalArticle);
        var body = new StringBuilder("---\nheadline: A million lines\ndate: 2025-01-01\n---\n", 4_500_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            body.Append((i % 4) switch
            {
                0 => "<b>x\n",
                1 => "* i\n",
                2 => "\n",
                _ => "</b>\n",
            });
        }

        site.WriteFile("content/world/million.md", body.ToString());
        var built = await HostileCorpusTests.BuildAndCheck(site, HostileCorpusTests.Expected.Built(), WithoutRenderBudget);
        Assert.True(built.Exists("world/2025/01/01/million/index.html"));
    }

    [Fact]
    public async Task A_four_megabyte_line_is_published()
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + HostileCorpusTests.NormalArticle);
        var line = string.Concat(Enumerable.Repeat("word <i>and</i> [link](/x) ", 150_000));
        site.WriteFile("content/world/long-line.md", "---\nheadline: One long line\ndate: 2025-01-01\n---\n" + line + "\n");
        var built = await HostileCorpusTests.BuildAndCheck(site, HostileCorpusTests.Expected.Built(), WithoutRenderBudget);
        Assert.True(built.Exists("world/2025/01/01/long-line/index.html"));
    }

    /// <summary>
    /// These files are about size, not about the render budget, which a crowded machine could spend on them: the
    /// budget is set out of reach, so their outcome does not depend on the machine's speed.
    /// </summary>
    private static BuildOptions WithoutRenderBudget(BuildOptions options) =>
        options with { Limits = options.Limits with { RenderBudget = TimeSpan.MaxValue } };
}
