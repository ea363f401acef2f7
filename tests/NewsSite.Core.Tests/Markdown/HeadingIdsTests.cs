using AngleSharp.Html.Parser;
using Markdig;
using NewsSite.Configuration;
using NewsSite.Markdown;

namespace NewsSite.Tests.Markdown;

public sealed class HeadingIdsTests
{
    [Fact]
    public void Heading_ids_are_the_ones_Markdig_gives()
    {
        const string body = """
            # Quake
            # Quake
            ## quake-1
            # Quake
            #
            # *Rescue* `teams` [at work](/x)
            # Ünïcödé & “quotes”
            Setext heading
            ==============
            # Quake-1
            # section
            #
            """;
        var markdig = new MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();
        var expected = Ids(Markdig.Markdown.ToHtml(body, markdig));
        Assert.Equal(expected, Ids(new MarkdownRenderer(new MarkdownConfig()).RenderBody(body, null, 0).Html));
        Assert.Equal(expected.Count, expected.Distinct().Count());
    }

    [Fact]
    public void Repeated_heading_text_costs_work_linear_in_the_number_of_headings()
    {
        Assert.Equal(2 * 10_000 - 1, Probes(10_000, _ => "a"));
        Assert.Equal(2 * 40_000 - 1, Probes(40_000, _ => "a"));

        // Headings that take the suffixes a repeat would try next: each suffix is tried at most once more.
        static string Mixed(int i) => (i % 3) switch { 0 => "a", 1 => "a-" + (i / 3 + 1), _ => "a-1" };
        var small = Probes(10_000, Mixed);
        Assert.InRange(Probes(40_000, Mixed), 0, 4 * small + 10);
        Assert.InRange(small, 0, 3 * 10_000);
    }

    [Fact]
    public void Repeats_get_the_first_free_suffix()
    {
        var table = new HeadingIdTable();
        Assert.Equal(["a", "a-1", "a-2", "a-1-1", "a-3", "a-4"], new[] { "a", "a", "a-2", "a-1", "a", "a" }.Select(table.Take));
    }

    private static long Probes(int count, Func<int, string> text)
    {
        var table = new HeadingIdTable();
        for (var i = 0; i < count; i++)
        {
            table.Take(text(i));
        }

        return table.Probes;
    }

    private static List<string> Ids(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("h1, h2").Select(h => h.Id ?? "")];
}
