using System.Text;
using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Markdown;

namespace NewsSite.Tests.Markdown;

/// <summary>Inputs Markdig handles in more than linear time are counted and refused past a limit.</summary>
public sealed class BodyGuardsTests
{
    private static readonly MarkdownRenderer Renderer = new(new MarkdownConfig());

    private static readonly SourceLocation BodyStart = new("content/world/x.md", 5, 1);

    [Fact]
    public void Link_reference_definitions_past_the_limit_are_refused_at_the_first_one_over()
    {
        var body = Lines(BodyGuards.MaxDefinitions + 1, i => $"[a{i}]: /x{i}") + "[a1]\n";
        var error = Assert.Single(Renderer.RenderBody(body, null, 0, BodyStart).Diagnostics);
        Assert.Equal(
            $"content/world/x.md:{5 + BodyGuards.MaxDefinitions}:1: error NS0704: the body has more than 2,000 link reference definitions and footnotes",
            error.ToString());
    }

    [Theory]
    [InlineData("[^{0}]: note\n")]
    [InlineData("[a\\]{0}]: /x\n")]
    [InlineData("> [a{0}]: /x\n")]
    [InlineData("[a{0}\n]: /x\n")]
    public void Footnotes_quoted_escaped_and_broken_labels_count_too(string line)
    {
        var body = new StringBuilder("x[^1]\n\n");
        for (var i = 0; i <= BodyGuards.MaxDefinitions; i++)
        {
            body.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, line, i)).Append('\n');
        }

        Assert.Contains(Renderer.RenderBody(body.ToString(), null, 0).Diagnostics, d => d.Code == DiagnosticCodes.BodyTooComplex);
    }

    [Fact]
    public void Definitions_shown_in_a_code_block_and_links_are_not_counted()
    {
        var body = "```\n" + Lines(3_000, i => $"[a{i}]: /x") + "```\n\n" + Lines(3_000, i => $"[link {i}](/x) and text");
        var rendered = Renderer.RenderBody(body, null, 0);
        Assert.Empty(rendered.Diagnostics);
        Assert.Contains("[a2999]: /x", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_would_be_padded_to_millions_of_cells_is_refused_at_its_line()
    {
        var body = "Intro.\n\n" + string.Concat(Enumerable.Repeat("|a", 2_000)) + "|\n" + string.Concat(Enumerable.Repeat("|-", 2_000)) + "|\n" + Lines(2_000, _ => "|b");
        var error = Assert.Single(Renderer.RenderBody(body, null, 0, BodyStart).Diagnostics);
        Assert.StartsWith("content/world/x.md:7:1: error NS0704: a table of 2,002 lines with up to 2,001 pipes in a line can have more than 100,000 cells", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_large_table_is_rendered()
    {
        var body = string.Concat(Enumerable.Repeat("|a", 40)) + "|\n" + string.Concat(Enumerable.Repeat("|-", 40)) + "|\n" + Lines(1_000, _ => string.Concat(Enumerable.Repeat("|b", 40)) + "|");
        var rendered = Renderer.RenderBody(body, null, 0);
        Assert.Empty(rendered.Diagnostics);
        Assert.Equal(40_000, CountOf(rendered.Html, "<td>"));
    }

    [Fact]
    public void A_key_point_nested_too_deeply_is_reported_and_shown_as_text()
    {
        var text = string.Concat(Enumerable.Repeat("> ", 5_000)) + "<b>";
        var at = new SourceLocation("content/world/x.md", 4, 5);
        var error = Assert.Single(Renderer.CheckInline(text, at));
        Assert.Equal(DiagnosticCodes.BodyTooComplex, error.Code);
        Assert.Equal(at, error.Location);
        Assert.EndsWith("&lt;b&gt;", Renderer.RenderInline(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Key_points_and_corrections_are_rendered_within_the_budget()
    {
        // With no time at all, the first link bracket stops the parse: the budget covers front-matter snippets too.
        var spent = new MarkdownRenderer(new MarkdownConfig(), TimeSpan.Zero);
        var text = string.Concat(Enumerable.Repeat("[a](", 100));
        var error = Assert.Single(spent.CheckInline(text, new SourceLocation("content/world/x.md", 4, 5)));
        Assert.Equal("content/world/x.md:4:5: error NS0704: the text took longer than 0 s to render; it may hold thousands of unclosed links, brackets or tags (in the front matter)", error.ToString());
        Assert.Equal(text, spent.InlineText(text));
        Assert.Equal(text, spent.RenderInline(text));
    }

    private static string Lines(int count, Func<int, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(line(i)).Append('\n');
        }

        return text.ToString();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
