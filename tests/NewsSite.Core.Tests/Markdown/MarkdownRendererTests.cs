using AngleSharp.Html.Parser;
using Markdig;
using NewsSite.Configuration;
using NewsSite.Markdown;

namespace NewsSite.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new(new MarkdownConfig());

    [Fact]
    public void Tables_footnotes_and_heading_ids_are_rendered()
    {
        var body = Renderer.RenderBody("## A Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText.[^1]\n\n[^1]: Note.\n", null, 0);
        var doc = new HtmlParser().ParseDocument(body.Html);
        Assert.Equal("a-heading", doc.QuerySelector("h2")!.Id);
        Assert.Equal(2, doc.QuerySelectorAll("td").Length);
        Assert.NotNull(doc.QuerySelector(".footnotes"));
    }

    [Fact]
    public void Dateline_is_put_before_the_first_paragraph()
    {
        var body = Renderer.RenderBody("## Heading\n\nFirst paragraph.\n", "Geneva", 0);
        var p = new HtmlParser().ParseDocument(body.Html).QuerySelector("p")!;
        Assert.Equal("Geneva", p.QuerySelector(".dateline")!.TextContent);
        Assert.Equal("Geneva — First paragraph.", p.TextContent);
        Assert.Equal("First paragraph.", body.FirstParagraph);
    }

    [Fact]
    public void Dateline_already_typed_into_the_body_is_not_printed_twice()
    {
        var body = Renderer.RenderBody("New Delhi: The attack...\n", "New Delhi", 0);
        var p = new HtmlParser().ParseDocument(body.Html).QuerySelector("p")!;
        Assert.Equal("New Delhi — The attack…", p.TextContent);
        Assert.Equal("The attack…", body.FirstParagraph);
    }

    [Theory]
    [InlineData("The report is at <https://data.example/report> and was read widely.")]
    [InlineData("Write to <desk@news.example> with tips.")]
    [InlineData("The motto, <<never again>>, was painted over.")]
    [InlineData("\"Quoted\" -- and 'single' --- with a pause... *stressed* `code` &amp; &copy; [a link](/x).")]
    public void The_first_paragraph_as_text_is_what_a_reader_sees_of_it(string paragraph)
    {
        var body = Renderer.RenderBody(paragraph + "\n\nMore.\n", null, 0);

        var shown = new HtmlParser().ParseDocument(body.Html).QuerySelector("p")!.TextContent;
        Assert.Equal(shown, body.FirstParagraph);
    }

    [Fact]
    public void Dateline_text_is_escaped()
    {
        var body = Renderer.RenderBody("Text.\n", "<b>Paris</b>", 0);
        Assert.Contains("&lt;b&gt;Paris&lt;/b&gt;", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_is_cut_after_the_nth_top_level_paragraph()
    {
        var body = Renderer.RenderBody("One.\n\n## H\n\nTwo.\n\nThree.\n", null, 2);
        Assert.True(body.HasCut);
        Assert.EndsWith("<p>Two.</p>\n", body.Head, StringComparison.Ordinal);
        Assert.Equal("<p>Three.</p>\n", body.Tail);
        Assert.Equal(body.Head + body.Tail, Renderer.RenderBody("One.\n\n## H\n\nTwo.\n\nThree.\n", null, 0).Html);
    }

    [Fact]
    public void Short_body_has_no_cut()
    {
        var body = Renderer.RenderBody("One.\n", null, 3);
        Assert.False(body.HasCut);
        Assert.Equal("<p>One.</p>\n", body.Head);
    }

    [Fact]
    public void Words_are_counted_in_running_text()
    {
        Assert.Equal(7, Renderer.RenderBody("## Two words\n\nFive *words* in [this](x) one.\n", null, 0).WordCount);
    }

    [Fact]
    public void Inline_snippets_render_without_a_paragraph_and_show_raw_html_as_text()
    {
        Assert.Equal("<em>a</em> &lt;b&gt;", Renderer.RenderInline("*a* <b>"));
    }

    [Fact]
    public void Summary_is_cut_at_a_word_boundary()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));
        var summary = Summaries.Cut(text);
        Assert.True(summary.Length <= Summaries.MaxLength + 1);
        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Plain words, numbers 42 and 7.5% (approx).")]
    [InlineData("It's \"quoted\" -- and... more")]
    [InlineData("*em* and <b> & [link](x)")]
    [InlineData("1. not a list")]
    [InlineData("- not a list either")]
    [InlineData("# not a heading")]
    public void Inline_fast_path_gives_the_same_html_as_the_parser(string text)
    {
        var parsed = Markdig.Markdown.ToHtml(text, new MarkdownPipelineBuilder().DisableHtml().UseSmartyPants().Build()).Trim();
        var expected = parsed.StartsWith("<p>", StringComparison.Ordinal) ? parsed[3..^4] : parsed;
        Assert.Equal(expected, Renderer.RenderInline(text));
    }
}
