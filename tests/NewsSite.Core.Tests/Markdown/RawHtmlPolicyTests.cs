using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Markdown;

namespace NewsSite.Tests.Markdown;

public sealed class RawHtmlPolicyTests
{
    private static readonly SourceLocation BodyAtLine5 = new("content/world/x.md", 5, 1);

    private static readonly MarkdownRenderer Sanitize = new(new MarkdownConfig { EmbedHosts = ["www.youtube.com"] });

    private static readonly MarkdownRenderer Allow = new(new MarkdownConfig { RawHtml = RawHtmlMode.Allow });

    private static readonly MarkdownRenderer Strip = new(new MarkdownConfig { RawHtml = RawHtmlMode.Strip });

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument("<body>" + html);

    /// <summary>In file order, as the build prints them.</summary>
    private static List<string> Messages(RenderedBody body) =>
        [.. body.Diagnostics.OrderBy(d => d.Location?.Line).ThenBy(d => d.Location?.Column).Select(d => d.ToString())];

    [Fact]
    public void Styles_that_pin_an_element_over_the_page_are_removed_with_a_warning()
    {
        var body = Sanitize.RenderBody("""
            Text.

            <div style="position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 2147483647; color: red">Log in again</div>
            <p style="POSITION:STICKY;top:0">Banner</p>
            <p style="position: /**/ fixed">Hidden</p>
            <p style="position: relative; z-index: 5">Fine</p>
            <p style="position: absolute">Fine too</p>
            """, null, 0, BodyAtLine5);
        var doc = Parse(body.Html);

        var styles = doc.QuerySelectorAll("div, p[style]").Select(e => e.GetAttribute("style") ?? "").ToList();
        Assert.All(styles, style => Assert.DoesNotMatch("(?i)fixed|sticky|z-index", style));
        Assert.Contains("width: 100vw", styles[0], StringComparison.Ordinal);
        Assert.Contains(styles, style => style.Contains("position: relative", StringComparison.Ordinal));
        Assert.Contains(styles, style => style.Contains("position: absolute", StringComparison.Ordinal));
        Assert.Equal("Log in again", doc.QuerySelector("div")!.TextContent);
        Assert.Contains("content/world/x.md:7:1: warning NS0702: style 'position: fixed' of <div> is not allowed and was removed: a body cannot pin itself over the page", Messages(body));
        Assert.Contains("content/world/x.md:7:1: warning NS0702: style 'z-index' of <div> is not allowed and was removed", Messages(body));
        Assert.Contains("content/world/x.md:7:1: warning NS0702: style 'position: sticky' of <p> is not allowed and was removed: a body cannot pin itself over the page", Messages(body));
    }

    [Fact]
    public void Ordinary_markup_survives_sanitizing()
    {
        var body = Sanitize.RenderBody("""
            <figure class="wide"><img src="/media/a.jpg" alt="A map" width="600"><figcaption>The <em>area</em></figcaption></figure>

            The area is 40 km<sup>2</sup>, says <abbr title="United Nations">UN</abbr>.

            <table><tr><th>Seats</th><td style="text-align: right">12</td></tr></table>
            """, null, 0, BodyAtLine5);
        Assert.Empty(body.Diagnostics);
        var doc = Parse(body.Html);
        Assert.Equal("/media/a.jpg", doc.QuerySelector("figure.wide img")!.GetAttribute("src"));
        Assert.Equal("The area", doc.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("2", doc.QuerySelector("p sup")!.TextContent);
        Assert.Equal("United Nations", doc.QuerySelector("abbr")!.GetAttribute("title"));
        Assert.Equal("12", doc.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void Our_own_markup_is_kept_whole_when_a_body_is_sanitized()
    {
        // The same body with and without the sanitizer: headings ids, footnotes, table alignment, code and the
        // dateline must come out of both alike. The <span> only makes the sanitizer run.
        const string markdown = """
            First paragraph with <span>raw</span> HTML and a [link](https://example.org/ "Title").

            ## A Heading & More

            | Left | Right |
            |:-----|------:|
            | 1    | 2     |

            Text with a note.[^1] And `<script>alert(1)</script>` as code.

                <b>indented code</b>

            ![A picture](/media/p.jpg)

            [^1]: The note, with *emphasis*.
            """;
        var sanitized = Sanitize.RenderBody(markdown, "Geneva", 0, BodyAtLine5);
        var allowed = Allow.RenderBody(markdown, "Geneva", 0, BodyAtLine5);
        Assert.Empty(sanitized.Diagnostics);
        // The sanitizer rewrites style="text-align: left;" as style="text-align: left": the same style.
        Assert.Equal(Parse(allowed.Html).Body!.InnerHtml.Replace(";\"", "\"", StringComparison.Ordinal), Parse(sanitized.Html).Body!.InnerHtml);
        var doc = Parse(sanitized.Html);
        Assert.Equal("a-heading--more", doc.QuerySelector("h2")!.Id);
        Assert.Equal("Geneva", doc.QuerySelector("p > span.dateline")!.TextContent);
        Assert.NotNull(doc.QuerySelector("a.footnote-ref[href='#fn:1'] > sup"));
        Assert.NotNull(doc.QuerySelector(".footnotes li#fn\\:1 a.footnote-back-ref[href='#fnref:1']"));
        Assert.Equal("text-align: right", doc.QuerySelectorAll("td")[1].GetAttribute("style")!.TrimEnd(';'));
        Assert.Equal("<script>alert(1)</script>", doc.QuerySelector("p code")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("script"));
    }

    [Fact]
    public void Scripts_handlers_and_forms_are_removed_and_reported_where_they_were_written()
    {
        var body = Sanitize.RenderBody("""
            Intro with <b onclick="steal()">bold</b> text.

            <script>alert(1)</script>

            <form action="https://evil.example/"><input name="password"></form>

            <a href=" javascript:alert(2)">click</a> and <img src="x" onerror="alert(3)">
            """, null, 0, BodyAtLine5);
        var doc = Parse(body.Html);
        Assert.Empty(doc.QuerySelectorAll("script, form, input, [onclick], [onerror]"));
        Assert.Equal("bold", doc.QuerySelector("b")!.TextContent);
        Assert.Null(doc.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(
            [
                "content/world/x.md:5:12: warning NS0702: event handler 'onclick' of <b> was removed: article bodies cannot run script",
                "content/world/x.md:7:1: warning NS0702: <script> is not allowed in an article body and was removed with its content",
                "content/world/x.md:9:1: warning NS0702: <form> is not allowed in an article body and was removed with its content",
                "content/world/x.md:9:1: warning NS0702: <input> is not allowed in an article body and was removed with its content",
                "content/world/x.md:11:1: warning NS0701: href of <a> held a 'javascript:' URL and was removed; bodies may use http, https, mailto and tel URLs and relative ones",
                "content/world/x.md:11:46: warning NS0702: event handler 'onerror' of <img> was removed: article bodies cannot run script",
            ],
            Messages(body));
    }

    [Fact]
    public void Iframes_are_kept_only_from_allowed_embed_hosts_over_https()
    {
        var body = Sanitize.RenderBody("""
            <iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen srcdoc="<script>x</script>"></iframe>

            <iframe src="https://evil.example/x"></iframe>

            <iframe src="http://www.youtube.com/embed/abc"></iframe>

            <iframe src="javascript:alert(1)"></iframe>
            """, null, 0, BodyAtLine5);
        var frame = Assert.Single(Parse(body.Html).QuerySelectorAll("iframe"));
        Assert.Equal("https://www.youtube.com/embed/abc", frame.GetAttribute("src"));
        Assert.Equal("560", frame.GetAttribute("width"));
        Assert.True(frame.HasAttribute("allowfullscreen"));
        Assert.False(frame.HasAttribute("srcdoc"));
        var messages = Messages(body);
        Assert.Contains("content/world/x.md:7:1: warning NS0703: <iframe> from 'evil.example' was removed; to allow it, add 'evil.example' to markdown.embed_hosts in site.yaml (https only)", messages);
        Assert.Contains(messages, m => m.StartsWith("content/world/x.md:9:1: warning NS0703: <iframe> from 'www.youtube.com'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("content/world/x.md:11:1: warning NS0703: <iframe> without an https address", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("content/world/x.md:5:1: warning NS0702: attribute 'srcdoc' of <iframe>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RawHtmlMode.Sanitize)]
    [InlineData(RawHtmlMode.Strip)]
    public void Markdown_links_with_script_urls_lose_the_link_keep_the_text_and_are_reported(RawHtmlMode mode)
    {
        var renderer = mode == RawHtmlMode.Strip ? Strip : Sanitize;
        var body = renderer.RenderBody("""
            A [bad link](javascript:alert(1)) and a [good one](https://example.org/).

            > Quoted ![pic](data:text/html,x) and ![fine](data:image/png;base64,AAAA) and <vbscript:msgbox(1)>.

            Reference [style][r], encoded [tab](java&#9;script:alert(1)).

            [r]: VBScript:msgbox
            """, null, 0, BodyAtLine5);
        var doc = Parse(body.Html);
        Assert.Equal(["https://example.org/"], doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["data:image/png;base64,AAAA"], doc.QuerySelectorAll("img").Select(a => a.GetAttribute("src")));
        Assert.StartsWith("A bad link and a good one.", doc.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("vbscript:msgbox(1)", doc.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [
                "content/world/x.md:5:3: warning NS0701: link with a 'javascript:' URL was removed and its text kept; bodies may use http, https, mailto and tel URLs and relative ones",
                "content/world/x.md:7:10: warning NS0701: image with a 'data:' URL was removed and its description kept; bodies may use http, https, mailto and tel URLs and relative ones",
                "content/world/x.md:7:79: warning NS0701: link with a 'vbscript:' URL was removed and the address as plain text kept; bodies may use http, https, mailto and tel URLs and relative ones",
                "content/world/x.md:9:11: warning NS0701: link with a 'vbscript:' URL was removed and its text kept; bodies may use http, https, mailto and tel URLs and relative ones",
                "content/world/x.md:9:31: warning NS0701: link with a 'javascript:' URL was removed and its text kept; bodies may use http, https, mailto and tel URLs and relative ones",
            ],
            Messages(body));
    }

    [Fact]
    public void Allow_publishes_raw_html_and_links_as_written()
    {
        var body = Allow.RenderBody("<script>track()</script>\n\n[x](javascript:go())\n", null, 0, BodyAtLine5);
        var doc = Parse(body.Html);
        Assert.Equal("track()", doc.QuerySelector("script")!.TextContent);
        Assert.Equal("javascript:go()", doc.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(body.Diagnostics);
    }

    [Fact]
    public void Strip_removes_every_raw_tag_and_keeps_the_markdown_around_them()
    {
        var body = Strip.RenderBody("""
            Text with <b onclick="x()">inline</b> tags.

            <div class="box">
            A whole <em>HTML</em> block.
            </div>

            After.
            """, null, 0, BodyAtLine5);
        var doc = Parse(body.Html);
        Assert.Equal(["Text with inline tags.", "After."], doc.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Empty(doc.QuerySelectorAll("b, div, em"));
        Assert.Empty(body.Diagnostics);
    }

    [Fact]
    public void The_in_body_cut_still_falls_after_the_nth_paragraph_when_a_body_is_sanitized()
    {
        var body = Sanitize.RenderBody("One <i>a</i>.\n\n<script>x</script>\n\nTwo.\n\nThree <b>c</b>.\n", null, 2, BodyAtLine5);
        Assert.True(body.HasCut);
        Assert.Equal(["One a.", "Two."], Parse(body.Head).QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal(["Three c."], Parse(body.Tail).QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Fact]
    public void A_cut_after_the_last_paragraph_is_no_cut()
    {
        var body = Sanitize.RenderBody("One <i>a</i>.\n\nTwo.\n\n<script>x</script>\n", null, 2, BodyAtLine5);
        Assert.False(body.HasCut);
        Assert.Equal(2, Parse(body.Head).QuerySelectorAll("p").Length);
    }

    [Fact]
    public void Unclosed_raw_text_elements_cannot_swallow_the_markers_into_the_output()
    {
        var body = Sanitize.RenderBody("Before <xmp> and\n\nafter <b>x</b>.\n", null, 0, BodyAtLine5);
        Assert.DoesNotContain("newssite-", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", body.Html, StringComparison.Ordinal);
        Assert.Contains(body.Diagnostics, d => d.Message.StartsWith("<xmp> is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_comments_are_not_published()
    {
        var body = Sanitize.RenderBody("<!-- editor's note: check the figures -->\n\nText <!--[if IE]><script>x</script><![endif]--> here.\n", null, 0, BodyAtLine5);
        Assert.DoesNotContain("<!--", body.Html, StringComparison.Ordinal);
        Assert.Equal("Text  here.", Parse(body.Html).QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Html_nested_thousands_of_levels_deep_is_refused_before_parsing()
    {
        var body = Sanitize.RenderBody(string.Concat(Enumerable.Repeat("<div>", 50_000)) + "x\n", null, 0, BodyAtLine5);
        Assert.Equal(
            ["content/world/x.md:5:1: error NS0704: the body's HTML nests more than 256 elements deep; close the tags it opens"],
            Messages(body));
    }

    [Fact]
    public void Markdown_nested_beyond_markdigs_limit_is_an_error_at_the_body_start()
    {
        var body = Sanitize.RenderBody(new string('>', 100_000) + " deep\n", null, 0, BodyAtLine5);
        var error = Assert.Single(body.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(DiagnosticCodes.BodyTooComplex, error.Code);
        Assert.Equal(BodyAtLine5, error.Location);
        Assert.Equal("", body.Html);
    }

    [Fact]
    public void A_body_that_would_take_minutes_to_parse_is_stopped_by_the_render_budget()
    {
        // 40,000 unclosed links take Markdig about 20 s. A budget already spent when the parse starts stops it at
        // its first check, however fast the machine: a budget of milliseconds would race the machine's speed.
        var renderer = new MarkdownRenderer(new MarkdownConfig(), TimeSpan.Zero);
        var body = renderer.RenderBody(string.Concat(Enumerable.Repeat("[a](", 40_000)), null, 0, BodyAtLine5);
        Assert.Equal(
            ["content/world/x.md:5:1: error NS0704: the body took longer than 0 s to render; it may hold thousands of unclosed links, brackets or tags"],
            Messages(body));
    }

    [Fact]
    public void Unsafe_links_in_front_matter_snippets_are_neutralised_and_reported_at_the_value()
    {
        var at = new SourceLocation("content/world/x.md", 7, 5);
        Assert.Equal("see <em>this</em>", Sanitize.RenderInline("see [*this*](javascript:alert(1))"));
        var warning = Assert.Single(Sanitize.CheckInline("see [*this*](javascript:alert(1))", at));
        Assert.Equal(
            "content/world/x.md:7:5: warning NS0701: link with a 'javascript:' URL was removed and its text kept; bodies may use http, https, mailto and tel URLs and relative ones (in the front matter)",
            warning.ToString());
        Assert.Contains("javascript:", Allow.RenderInline("[x](javascript:alert(1))"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pasted_page_with_thousands_of_removals_lists_twenty_and_counts_the_rest()
    {
        var body = Sanitize.RenderBody(string.Concat(Enumerable.Repeat("<b onclick=x>a</b>\n", 500)), null, 0, BodyAtLine5);
        Assert.Equal(MarkdownRenderer.MaxWarningsPerBody + 1, body.Diagnostics.Count);
        Assert.Equal("content/world/x.md:5:1: warning NS0702: 480 more links or tags after line 24 were removed and are not listed one by one", body.Diagnostics[^1].ToString());
    }

    [Fact]
    public void One_sanitizer_shared_by_parallel_renders_keeps_each_body_and_its_warnings_apart()
    {
        var results = new RenderedBody[200];
        Parallel.For(0, results.Length, i =>
            results[i] = Sanitize.RenderBody(new string('\n', i % 7) + $"Body {i} <b onclick=x>{i}</b> <script>{i}</script>\n", null, 0, new SourceLocation($"content/{i}.md", 5, 1)));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"<p>Body {i} <b>{i}</b> </p>\n", results[i].Html);
            Assert.Equal(2, results[i].Diagnostics.Count);
            Assert.All(results[i].Diagnostics, d => Assert.Equal(new SourceLocation($"content/{i}.md", 5 + (i % 7), d.Location!.Value.Column), d.Location));
        }
    }

    [Fact]
    public void Sanitized_output_is_the_same_bytes_every_time()
    {
        const string markdown = "Intro <span>x</span> and <a href=\"javascript:y\" title=\"t\">z</a>.\n\n## H\n\nMore.[^1]\n\n[^1]: Note.\n";
        var first = Sanitize.RenderBody(markdown, "Paris", 1, BodyAtLine5);
        var second = Sanitize.RenderBody(markdown, "Paris", 1, BodyAtLine5);
        Assert.Equal((first.Head, first.Tail), (second.Head, second.Tail));
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }
}
