using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class EscapingTests
{
    [Fact]
    public void Script_in_headline_tag_and_key_point_is_shown_as_text()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/x.md --
            ---
            headline: "<script>alert('h')</script> Headline"
            date: 2025-01-01
            tags: ["<script>alert('t')</script>"]
            key_points:
              - label: "<script>alert('l')</script>"
                text: "<b onmouseover=x>bold</b>"
              - "<script>alert('k')</script>"
            summary: "</script><script>alert('s')</script>"
            ---
            Body.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("world/2025/01/01/x/index.html");

        // Only our own JSON-LD scripts exist, and no element came from content.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Empty(page.QuerySelectorAll("b[onmouseover]"));
        Assert.Equal("<script>alert('h')</script> Headline", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".tags a"), a => a.TextContent == "<script>alert('t')</script>");
        var points = page.QuerySelectorAll(".key-points li").Select(li => li.TextContent).ToList();
        Assert.Contains("<script>alert('l')</script>", points[0], StringComparison.Ordinal); // the label is plain text
        Assert.StartsWith("<script>alert(", points[1], StringComparison.Ordinal); // inline Markdown: shown as text, quotes curled
        Assert.Equal("</script><script>alert('s')</script>", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }
}
