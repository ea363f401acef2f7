using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class ContentSafetyTests
{
    [Fact]
    public void Body_warnings_point_at_the_line_and_column_of_the_article_file()
    {
        var (site, built) = TestSite.Build("""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            markdown:
              embed_hosts: [www.youtube.com, player.vimeo.com]
            -- content/world/embeds.md --
            ---
            headline: Embeds
            date: 2025-01-01
            key_points:
              - See [the clip](javascript:play()).
            ---
            Intro with a [bad link](javascript:alert(1)).

            <iframe src="https://player.vimeo.com/video/1" width="640"></iframe>

            <iframe src="https://tracker.example/embed"></iframe>
            """);
        using var _ = site;
        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/world/embeds.md:5:5: warning NS0701: link with a 'javascript:' URL was removed and its text kept; bodies may use http, https, mailto and tel URLs and relative ones (in the front matter)",
                "content/world/embeds.md:7:14: warning NS0701: link with a 'javascript:' URL was removed and its text kept; bodies may use http, https, mailto and tel URLs and relative ones",
                "content/world/embeds.md:11:1: warning NS0703: <iframe> from 'tracker.example' was removed; to allow it, add 'tracker.example' to markdown.embed_hosts in site.yaml (https only)",
            ],
            built.Messages);
        var page = built.Html("world/2025/01/01/embeds/index.html");
        Assert.Equal("https://player.vimeo.com/video/1", Assert.Single(page.QuerySelectorAll(".article-body iframe")).GetAttribute("src"));
        Assert.Equal("See the clip.", page.QuerySelector(".key-points li")!.TextContent.Trim());
        OutputSafety.AssertInert(built, "www.youtube.com", "player.vimeo.com");
    }

    [Fact]
    public void Raw_html_can_be_stripped_site_wide()
    {
        var (site, built) = TestSite.Build("""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            markdown: { raw_html: strip }
            -- content/world/x.md --
            ---
            headline: X
            date: 2025-01-01
            ---
            Text with <span class="x">inline</span> tags.

            <div>A block.</div>
            """);
        using var _ = site;
        built.AssertSucceeded();
        var body = built.Html("world/2025/01/01/x/index.html").QuerySelector(".article-body")!;
        Assert.Equal("Text with inline tags.", body.TextContent.Trim());
        Assert.Empty(body.QuerySelectorAll("span, div"));
    }

    [Fact]
    public void A_body_refused_by_a_limit_fails_the_build_and_names_the_file()
    {
        var (site, built) = TestSite.Build("-- content/world/deep.md --\n---\nheadline: Deep\ndate: 2025-01-01\n---\n" + string.Concat(Enumerable.Repeat("<div>", 1_000)) + "\n");
        using var _ = site;
        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic("content/world/deep.md:5:1: error NS0704: the body's HTML nests more than 256 elements deep; close the tags it opens");
        Assert.False(Directory.Exists(built.Output));
    }

    [Fact]
    public void Control_characters_in_a_file_are_replaced_and_reported_once_at_the_first()
    {
        using var site = TestSite.Create("");
        site.WriteBytes("content/world/x.md", "---\nheadline: \"Bell \u0007 here\"\ndate: 2025-01-01\n---\nNUL \0 and ESC \u001b.\n"u8.ToArray());
        var built = site.Build();
        built.AssertSucceeded();
        built.AssertDiagnostic("content/world/x.md:2:17: warning NS0705: 3 control character(s) such as U+0007 were replaced with U+FFFD; is the file damaged, or pasted from a binary?");
        Assert.Equal("Bell \uFFFD here", built.Html("world/2025/01/01/x/index.html").QuerySelector("h1")!.TextContent.Trim());
    }
}
