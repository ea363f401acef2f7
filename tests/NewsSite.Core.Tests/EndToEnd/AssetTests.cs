using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class AssetTests
{
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
        site.WriteBytes("content/world/photo.png", Pictures.TestPictures.Png(640, 360));
        site.WriteBytes("content/media/other.pdf", "%PDF-1.4"u8.ToArray());
        var built = site.Build();
        built.AssertSucceeded();
        var figure = built.Html("world/2025/01/01/a/index.html").QuerySelector("figure.lead-image")!;
        var img = figure.QuerySelector("img")!;
        Assert.Matches(@"^/world/photo\.[0-9a-f]{8}-640\.png$", img.GetAttribute("src"));
        Assert.Equal(("640", "360"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains("The caption", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Agency", figure.QuerySelector(".credit")!.TextContent);
        Assert.True(built.Exists("world/photo.png"));
        Assert.True(built.Exists("media/other.pdf"));
    }

    [Fact]
    public void An_unreadable_image_is_an_error_at_the_image_field()
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
        built.AssertDiagnostic("content/world/a.md:4:15: error NS0304: image '/media/broken.jpg' is not a JPEG, PNG, GIF or WebP picture (the file's contents say otherwise, whatever its name)");
        Assert.False(built.Result.Succeeded);
    }
}
