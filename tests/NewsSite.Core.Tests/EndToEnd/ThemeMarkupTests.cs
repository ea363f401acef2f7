using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class ThemeMarkupTests
{
    [Fact]
    public void Every_page_links_the_theme_icon_under_the_base_path_and_the_icon_is_published()
    {
        var (site, built) = TestSite.Build("""
            -- site.yaml --
            title: T
            base_url: https://news.example/edition/
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            ---
            Text.
            """);
        using var _ = site;
        built.AssertSucceeded();
        foreach (var page in new[] { "index.html", "world/2025/01/01/a/index.html", "404.html" })
        {
            var icon = built.Html(page).QuerySelector("link[rel=icon]");
            Assert.NotNull(icon);
            Assert.Equal("/edition/assets/favicon.svg", icon.GetAttribute("href"));
        }

        Assert.StartsWith("<svg", built.Text("assets/favicon.svg"), StringComparison.Ordinal);
    }

    [Fact]
    public void Key_points_come_before_the_lead_image_so_the_summary_is_read_first()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            key_points: [First point, Second point]
            image: { src: photo.png, alt: A photo, caption: The caption, credit: Agency }
            ---
            Text.
            """);
        site.WriteBytes("content/world/photo.png", Pictures.TestPictures.Png(960, 540));
        var built = site.Build();
        built.AssertSucceeded();
        var article = built.Html("world/2025/01/01/a/index.html").QuerySelector("article.article")!;
        var order = article.Children.Select(c => c.ClassName ?? c.LocalName).ToList();
        Assert.True(order.IndexOf("key-points") < order.IndexOf("lead-image"), "order: " + string.Join(", ", order));
        Assert.True(order.IndexOf("article-header") < order.IndexOf("key-points"), "order: " + string.Join(", ", order));
        var img = article.QuerySelector("figure.lead-image img")!;
        Assert.Equal(("800", "450"), (img.GetAttribute("width"), img.GetAttribute("height")));
    }
}
