using NewsSite.FrontMatter;
using NewsSite.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Pictures;

/// <summary>Every bad picture gets a located error or warning at the article's image field; none stops the build otherwise.</summary>
public sealed class BadPictureTests
{
    private const string At = "content/world/story.md:5:8";

    private static BuiltSite Build(TestSite site, byte[]? picture, string name = "x.jpg")
    {
        if (picture is not null)
        {
            site.WriteBytes($"content/media/{name}", picture);
        }

        return site.Build();
    }

    private static TestSite Site(string name = "x.jpg", string config = TestSite.DefaultConfig) => TestSite.Create($"""
        -- site.yaml --
        {config}
        -- content/world/story.md --
        {TestPictures.Article("story", $"/media/{name}")}
        """);

    private static Diagnostic Single(BuiltSite built, Severity severity, string code)
    {
        var diagnostic = Assert.Single(built.Diagnostics, d => d.Severity == severity && d.Code == code);
        Assert.StartsWith(At + ":", diagnostic.ToString(), StringComparison.Ordinal);
        return diagnostic;
    }

    public static TheoryData<string, Func<byte[]>, string> Refused() => new()
    {
        { "truncated", () => TestPictures.Photo("storm.jpg")[..30_000], "damaged" },
        { "corrupt", () => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[2000].Select((_, i) => (byte)(i * 7))], "cannot be read: the file is damaged or incomplete" },
        { "not a picture", () => "<html>not a photo</html>"u8.ToArray(), "is not a JPEG, PNG, GIF or WebP picture" },
        { "empty", () => [], "is not a JPEG, PNG, GIF or WebP picture" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_broken_picture_is_an_error_at_the_image_field(string kind, Func<byte[]> bytes, string says)
    {
        using var site = Site();
        var built = Build(site, bytes());

        Assert.False(built.Result.Succeeded, kind);
        var error = Single(built, Severity.Error, "NS0304");
        Assert.Contains("image '/media/x.jpg'", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output), "a failed build publishes nothing");
    }

    [Fact]
    public void A_missing_picture_is_an_error_at_the_image_field()
    {
        using var site = Site();
        var built = Build(site, null);

        built.AssertDiagnostic($"{At}: error NS0303: image '/media/x.jpg' was not found; put the file under content/ (content/media/x.jpg)");
    }

    [Fact]
    public void A_decompression_bomb_is_refused_before_its_pixels_are_decoded()
    {
        using var site = Site("bomb.png");
        var bomb = TestPictures.DeclaredHugePng(30_000, 30_000);
        Assert.True(bomb.Length < 1000);
        var built = Build(site, bomb, "bomb.png");

        var error = Single(built, Severity.Error, "NS0304");
        Assert.Contains("declares 30,000×30,000 pixels, more than the limit of 100 megapixels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pixel_limit_is_set_in_site_yaml()
    {
        using var site = Site(config: TestSite.DefaultConfig + "\npictures:\n  max_megapixels: 1");
        var built = Build(site, TestPictures.Jpeg(1200, 1000));

        Assert.Contains("more than the limit of 1 megapixels", Single(built, Severity.Error, "NS0304").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cmyk_jpeg_is_published_in_srgb_with_a_warning()
    {
        using var site = Site();
        var built = Build(site, TestPictures.CmykJpeg(900, 600));

        built.AssertSucceeded();
        Assert.Contains("CMYK", Single(built, Severity.Warning, "NS0306").Message, StringComparison.Ordinal);
        foreach (var file in TestPictures.Resized(built, "x").Append("media/x.jpg"))
        {
            using var image = TestPictures.Load(built, file);
            Assert.Equal((NetVips.Enums.Interpretation.Srgb, 3), (image.Interpretation, image.Bands));
        }
    }

    [Fact]
    public void A_16_bit_png_is_published_at_8_bits_with_a_warning()
    {
        using var site = Site("deep.png");
        var built = Build(site, TestPictures.SixteenBitPng(900, 600), "deep.png");

        built.AssertSucceeded();
        Assert.Contains("16 bits", Single(built, Severity.Warning, "NS0306").Message, StringComparison.Ordinal);
        var files = TestPictures.Resized(built, "deep");
        Assert.Contains(files, f => f.EndsWith("-800.png", StringComparison.Ordinal));
        foreach (var file in files.Append("media/deep.png"))
        {
            using var image = TestPictures.Load(built, file);
            Assert.Equal(NetVips.Enums.BandFormat.Uchar, image.Format);
        }

        // Reddish, as the source: the 16-bit values were scaled, not clipped to white.
        using var copy = TestPictures.Load(built, files[0]);
        Assert.InRange(copy.Getpoint(10, 10)[0], 180, 210);
    }

    [Fact]
    public void An_animated_gif_is_published_whole_without_resized_copies_and_with_a_warning()
    {
        using var site = Site("loop.gif");
        var built = Build(site, TestPictures.AnimatedGif(600, 400, 3), "loop.gif");

        built.AssertSucceeded();
        Assert.Contains("animated (3 frames)", Single(built, Severity.Warning, "NS0306").Message, StringComparison.Ordinal);
        Assert.Empty(TestPictures.Resized(built, "loop"));
        using var gif = NetVips.Image.NewFromBuffer(File.ReadAllBytes(Path.Combine(built.Output, "media/loop.gif")), kwargs: new NetVips.VOption { { "n", -1 } });
        Assert.Equal(3, (int)gif.Get("n-pages"));
        var img = built.Html("world/2025/03/01/story/index.html").QuerySelector(".lead-image img")!;
        Assert.Equal(("/media/loop.gif", "600", "400"), (img.GetAttribute("src"), img.GetAttribute("width"), img.GetAttribute("height")));
    }

    [Fact]
    public void A_huge_png_screenshot_is_resized_with_a_warning()
    {
        using var site = Site("screen.png");
        var built = Build(site, TestPictures.Png(1400, 12_000), "screen.png");

        built.AssertSucceeded();
        Assert.Contains("1400×12000 PNG", Single(built, Severity.Warning, "NS0306").Message, StringComparison.Ordinal);
        Assert.Contains(TestPictures.Resized(built, "screen"), f => f.EndsWith("-800.webp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_picture_no_article_uses_is_an_error_at_the_file()
    {
        using var site = TestSite.Create("""
            -- content/world/story.md --
            ---
            headline: Story
            date: 2025-03-01T10:00:00Z
            ---
            Body.
            """);
        site.WriteBytes("content/media/spare.jpg", "not a photo"u8.ToArray());
        var built = site.Build();

        Assert.StartsWith("content/media/spare.jpg:1:1: error NS0304: picture content/media/spare.jpg is not a JPEG", Assert.Single(built.Messages), StringComparison.Ordinal);
    }
}
