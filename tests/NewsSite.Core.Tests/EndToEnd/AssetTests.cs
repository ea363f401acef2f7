using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class AssetTests
{
    private static readonly byte[] Png = [0x89, .. "PNG\r\n\x1a\n"u8, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0x02, 0x80, 0, 0, 0x01, 0x68, 8, 2, 0, 0, 0];

    [Fact]
    public void The_stylesheet_is_published_under_its_content_hash_and_linked_from_every_page()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            ---
            Text.
            """);
        using var _ = site;
        built.AssertSucceeded();
        var href = built.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/assets/style\.[0-9a-f]{10}\.css$", href);
        Assert.True(built.Exists(href[1..]));
        Assert.False(built.Exists("assets/style.css"));
        Assert.Equal(href, built.Html("world/2025/01/01/a/index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void A_changed_stylesheet_gets_a_new_name()
    {
        using var site = TestSite.Create("-- templates/assets/style.css --\nbody { color: red; }\n");
        var first = site.Build();
        var before = first.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href");
        site.WriteFile("templates/assets/style.css", "body { color: blue; }\n");
        var second = site.Build();
        var after = second.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href");
        Assert.NotEqual(before, after);
        Assert.Equal("body { color: blue; }\n", second.Text(after![1..]));
    }

    [Fact]
    public void Lead_images_get_width_and_height_from_the_file_and_media_is_copied()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            image: { src: photo.png, alt: A photo, caption: The caption, credit: Agency }
            ---
            Text.
            """);
        site.WriteBytes("content/world/photo.png", Png);
        site.WriteBytes("content/media/other.pdf", "%PDF-1.4"u8.ToArray());
        var built = site.Build();
        built.AssertSucceeded();
        var figure = built.Html("world/2025/01/01/a/index.html").QuerySelector("figure.lead-image")!;
        var img = figure.QuerySelector("img")!;
        Assert.Equal("/world/photo.png", img.GetAttribute("src"));
        Assert.Equal(("640", "360"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains("The caption", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Agency", figure.QuerySelector(".credit")!.TextContent);
        Assert.True(built.Exists("world/photo.png"));
        Assert.True(built.Exists("media/other.pdf"));
    }

    [Fact]
    public void An_unreadable_image_is_a_warning_and_the_image_has_no_size()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-01
            image: { src: /media/broken.jpg, alt: Broken }
            ---
            Text.
            """);
        site.WriteBytes("content/media/broken.jpg", "not an image"u8.ToArray());
        var built = site.Build();
        built.AssertSucceeded();
        built.AssertDiagnostic("content/world/a.md:1:1: warning NS0304: cannot read the size of image '/media/broken.jpg' (not a PNG, JPEG, GIF or WebP file?); it is shown without width and height");
        Assert.Null(built.Html("world/2025/01/01/a/index.html").QuerySelector("figure img")!.GetAttribute("width"));
    }
}
