using NewsSite.FrontMatter;
using System.Text;
using System.Text.RegularExpressions;
using NetVips;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Pictures;

/// <summary>Pictures under content/ are published resized, upright and without metadata.</summary>
public sealed class PicturePublishingTests
{
    private static (TestSite Site, BuiltSite Built) BuildWith(string article, params (string Path, byte[] Bytes)[] pictures)
    {
        var site = TestSite.Create($"""
            -- content/world/story.md --
            {article}
            """);
        foreach (var (path, bytes) in pictures)
        {
            site.WriteBytes(path, bytes);
        }

        return (site, site.Build());
    }

    [Fact]
    public void A_lead_photo_is_published_at_each_width_in_WebP_and_JPEG_never_enlarged()
    {
        var (site, built) = BuildWith(TestPictures.Article("storm", "/media/storm.jpg"), ("content/media/storm.jpg", TestPictures.Photo("storm.jpg")));
        using var _ = site;
        built.AssertSucceeded();

        var resized = TestPictures.Resized(built, "storm");
        Assert.Equal(8, resized.Count);
        foreach (var width in new[] { 480, 800, 1200, 1600 })
        {
            foreach (var (extension, loader) in new[] { ("webp", "webpload_buffer"), ("jpg", "jpegload_buffer") })
            {
                var file = Assert.Single(resized, f => f.EndsWith($"-{width}.{extension}", StringComparison.Ordinal));
                using var image = TestPictures.Load(built, file);
                Assert.Equal(width, image.Width);
                Assert.Equal(Math.Round(width * 1200 / 1800.0), image.Height, 1.0);
                Assert.Equal(loader, image.Get("vips-loader"));
            }
        }

        // The original's URL still works: a cleaned copy at full size.
        using var original = TestPictures.Load(built, "media/storm.jpg");
        Assert.Equal((1800, 1200), (original.Width, original.Height));
    }

    [Fact]
    public void A_picture_narrower_than_the_widest_width_gets_its_own_width_as_the_largest_copy()
    {
        var (site, built) = BuildWith(TestPictures.Article("small", "/media/mid.jpg"), ("content/media/mid.jpg", TestPictures.Jpeg(1000, 500)));
        using var _ = site;
        built.AssertSucceeded();

        var widths = TestPictures.Derivatives(built, "mid").Where(f => f.EndsWith(".webp", StringComparison.Ordinal))
            .Select(f => int.Parse(Regex.Match(f, @"-(\d+)\.webp$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([480, 800, 1000], widths);
    }

    [Fact]
    public void Published_pictures_keep_no_metadata_and_are_turned_upright()
    {
        var photo = TestPictures.Photo("flower-rotated-gps.jpg");
        using (var source = Image.NewFromBuffer(photo))
        {
            // The committed photo is what the test needs: stored sideways, with a position and names in it.
            Assert.Equal(6, (int)source.Get("orientation"));
            Assert.Contains(source.GetFields(), f => f.StartsWith("exif-ifd3-GPS", StringComparison.Ordinal));
        }

        var (site, built) = BuildWith(TestPictures.Article("flower", "/media/flower.jpg"), ("content/media/flower.jpg", photo));
        using var _ = site;
        built.AssertSucceeded();

        // Upright the photo is 1063 px wide: 480, 800 and 1063 px copies, a sharing crop and the original.
        var published = TestPictures.Derivatives(built, "flower").Append("media/flower.jpg").ToList();
        Assert.Equal(8, published.Count);
        foreach (var file in published)
        {
            using var image = TestPictures.Load(built, file);
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif-", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "orientation");
            var bytes = File.ReadAllBytes(Path.Combine(built.Output, file));
            foreach (var secret in new[] { "Jane Photographer", "SN123456", "TestCam", "Barbin" })
            {
                Assert.False(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)) >= 0, $"{file} still says '{secret}'");
            }
        }

        foreach (var file in TestPictures.Resized(built, "flower"))
        {
            using var image = TestPictures.Load(built, file);
            Assert.True(image.Height > image.Width, $"{file} is {image.Width}×{image.Height}: not turned upright");
        }

        using var original = TestPictures.Load(built, "media/flower.jpg");
        Assert.Equal((1063, 1700), (original.Width, original.Height));
    }

    [Fact]
    public void Keep_metadata_in_site_yaml_keeps_the_named_field_and_nothing_else()
    {
        using var site = TestSite.Create($"""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            pictures:
              keep_metadata: [copyright]
            -- content/world/story.md --
            {TestPictures.Article("flower", "/media/flower.jpg")}
            """);
        site.WriteBytes("content/media/flower.jpg", TestPictures.Photo("flower-rotated-gps.jpg"));
        var built = site.Build();
        built.AssertSucceeded();

        foreach (var file in TestPictures.Resized(built, "flower").Where(f => f.EndsWith(".jpg", StringComparison.Ordinal)).Append("media/flower.jpg"))
        {
            using var image = TestPictures.Load(built, file);
            Assert.StartsWith("(c) 2008 Charles Barbin", (string)image.Get("exif-ifd0-Copyright"), StringComparison.Ordinal);
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif-ifd3-", StringComparison.Ordinal) || f.Contains("Artist", StringComparison.Ordinal) || f.Contains("SerialNumber", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data");
            Assert.True(image.Height > image.Width);
        }
    }

    [Fact]
    public void The_colour_profile_is_kept()
    {
        using var plain = TestPictures.Plain(900, 600);
        var tagged = plain.JpegsaveBuffer(q: 80, profile: "srgb", keep: Enums.ForeignKeep.Icc);
        var (site, built) = BuildWith(TestPictures.Article("icc", "/media/icc.jpg"), ("content/media/icc.jpg", tagged));
        using var _ = site;
        built.AssertSucceeded();

        foreach (var file in TestPictures.Derivatives(built, "icc").Append("media/icc.jpg"))
        {
            using var image = TestPictures.Load(built, file);
            Assert.Contains("icc-profile-data", image.GetFields());
        }
    }

    [Fact]
    public void Pictures_too_small_to_resize_svg_and_remote_images_are_left_as_they_are()
    {
        using var site = TestSite.Create($"""
            -- content/world/small.md --
            {TestPictures.Article("small", "/media/icon.png", body: "![Logo](/media/logo.svg)\n\n![Remote](https://cdn.example/x.jpg)")}
            -- content/media/logo.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
            """);
        site.WriteBytes("content/media/icon.png", TestPictures.Png(300, 200));
        var built = site.Build();
        built.AssertSucceeded();

        Assert.Empty(TestPictures.Derivatives(built, "icon"));
        var page = built.Html("world/2025/03/01/small/index.html");
        var lead = page.QuerySelector(".lead-image img")!;
        Assert.Null(lead.Closest("picture"));
        Assert.Equal("/media/icon.png", lead.GetAttribute("src"));
        Assert.Equal(("300", "200"), (lead.GetAttribute("width"), lead.GetAttribute("height")));
        Assert.NotNull(page.QuerySelector(".article-body img[src='/media/logo.svg']"));
        Assert.NotNull(page.QuerySelector(".article-body img[src='https://cdn.example/x.jpg']"));
        Assert.Empty(page.QuerySelectorAll(".article-body picture"));
    }
}
