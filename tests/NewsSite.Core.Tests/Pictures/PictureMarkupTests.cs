using NewsSite.FrontMatter;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Pictures;

/// <summary>Pages show pictures through their resized copies, with their space reserved.</summary>
public sealed class PictureMarkupTests
{
    private static TestSite Site() => TestSite.Create($"""
        -- content/world/storm.md --
        {TestPictures.Article("storm", "/media/storm.jpg", body: "First paragraph.\n\n![A ladybird on a leaf](../media/ladybird.jpg \"Close up\")")}
        -- content/world/plain.md --
        ---
        headline: Without a picture
        date: 2025-02-01T10:00:00Z
        ---
        No picture here.
        """);

    private static BuiltSite Build(TestSite site)
    {
        site.WriteBytes("content/media/storm.jpg", TestPictures.Photo("storm.jpg"));
        site.WriteBytes("content/media/ladybird.jpg", TestPictures.Photo("ladybird.jpg"));
        var built = site.Build();
        built.AssertSucceeded();
        return built;
    }

    /// <summary>Each URL of a srcset, with its width descriptor, is a published file of that width.</summary>
    private static void AssertSrcset(BuiltSite built, string? srcset, string extension)
    {
        Assert.False(string.IsNullOrEmpty(srcset));
        var candidates = srcset!.Split(", ");
        Assert.True(candidates.Length >= 3, srcset);
        foreach (var candidate in candidates)
        {
            var match = Regex.Match(candidate, @"^/(media/[a-z]+\.[0-9a-f]{8}-(\d+)\." + extension + @") (\d+)w$");
            Assert.True(match.Success, candidate);
            Assert.Equal(match.Groups[2].Value, match.Groups[3].Value);
            using var image = TestPictures.Load(built, match.Groups[1].Value);
            Assert.Equal(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), image.Width);
        }
    }

    [Fact]
    public void The_article_leads_with_a_picture_of_WebP_and_JPEG_copies_fetched_first()
    {
        using var site = Site();
        var built = Build(site);
        var page = built.Html("world/2025/03/01/storm/index.html");

        var picture = page.QuerySelector("figure.lead-image picture")!;
        var source = picture.QuerySelector("source")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        AssertSrcset(built, source.GetAttribute("srcset"), "webp");
        var img = picture.QuerySelector("img")!;
        AssertSrcset(built, img.GetAttribute("srcset"), "jpg");
        Assert.Equal(source.GetAttribute("sizes"), img.GetAttribute("sizes"));
        Assert.Contains("44rem", img.GetAttribute("sizes"), StringComparison.Ordinal);
        Assert.Matches(@"^/media/storm\.[0-9a-f]{8}-800\.jpg$", img.GetAttribute("src"));
        Assert.Equal(("800", "533"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("A picture for storm", img.GetAttribute("alt"));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Null(img.GetAttribute("loading"));
    }

    [Fact]
    public void A_body_picture_is_resized_and_loaded_lazily()
    {
        using var site = Site();
        var built = Build(site);
        var page = built.Html("world/2025/03/01/storm/index.html");

        var picture = Assert.Single(page.QuerySelectorAll(".article-body picture"));
        AssertSrcset(built, picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"), "webp");
        var img = picture.QuerySelector("img")!;
        AssertSrcset(built, img.GetAttribute("srcset"), "jpg");
        Assert.Equal("A ladybird on a leaf", img.GetAttribute("alt"));
        Assert.Equal("Close up", img.GetAttribute("title"));
        Assert.Equal(("lazy", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
        Assert.NotNull(img.GetAttribute("width"));
        Assert.NotNull(img.GetAttribute("height"));
    }

    [Fact]
    public void Lists_show_a_lazy_thumbnail_beside_each_teaser_that_has_a_picture()
    {
        using var site = Site();
        var built = Build(site);

        foreach (var list in new[] { "world/index.html", "2025/index.html" })
        {
            var page = built.Html(list);
            var teasers = page.QuerySelectorAll("article.teaser");
            var withPicture = Assert.Single(teasers, t => t.QuerySelector("h3")!.TextContent.Contains("storm", StringComparison.Ordinal));
            Assert.Contains("has-picture", withPicture.ClassList);
            var img = withPicture.QuerySelector(".teaser-picture picture img")!;
            Assert.Equal(("lazy", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
            Assert.Equal("7rem", img.GetAttribute("sizes"));
            Assert.NotNull(img.GetAttribute("width"));
            Assert.NotNull(img.GetAttribute("height"));
            var without = Assert.Single(teasers, t => t.QuerySelector("h3")!.TextContent.Contains("Without", StringComparison.Ordinal));
            Assert.Null(without.QuerySelector("img"));
        }
    }

    [Fact]
    public void The_home_page_shows_the_lead_story_picture_large_and_first()
    {
        using var site = Site();
        var built = Build(site);
        var home = built.Html("index.html");

        var lead = home.QuerySelector(".lead-story .lead-picture picture img")!;
        Assert.Equal("high", lead.GetAttribute("fetchpriority"));
        Assert.Null(lead.GetAttribute("loading"));
        Assert.Contains("42rem", lead.GetAttribute("sizes"), StringComparison.Ordinal);
        Assert.NotNull(lead.GetAttribute("width"));

        // Only one request for the lead picture: the teaser's own thumbnail is hidden there and lazy, so not fetched.
        Assert.All(home.QuerySelectorAll("img").Where(i => i != lead), i => Assert.Equal("lazy", i.GetAttribute("loading")));
    }

    [Fact]
    public void Sharing_and_search_engines_get_crops_of_the_lead_picture_around_its_focal_point()
    {
        using var site = Site();
        site.WriteFile("content/world/focus.md", TestPictures.Article("focus", "/media/storm.jpg", extra: "  focus: 0.1, 0.9"));
        var built = Build(site);

        var page = built.Html("world/2025/03/01/storm/index.html");
        var og = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Matches(@"^https://news\.example/media/storm\.[0-9a-f]{8}-1200x630-50-50\.jpg$", og);
        Assert.Equal(og, page.QuerySelector("meta[name='twitter:image']")!.GetAttribute("content"));
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        Assert.Equal("630", page.QuerySelector("meta[property='og:image:height']")!.GetAttribute("content"));
        using (var crop = TestPictures.Load(built, og["https://news.example/".Length..]))
        {
            Assert.Equal((1200, 630), (crop.Width, crop.Height));
        }

        var images = JsonLd.OfType(page, "NewsArticle").GetProperty("image").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, images.Count);
        foreach (var (url, size) in images.Zip(new[] { (1200, 675), (1200, 900), (1200, 1200) }))
        {
            using var crop = TestPictures.Load(built, url["https://news.example/".Length..]);
            Assert.Equal(size, (crop.Width, crop.Height));
        }

        // Another article leading with the same photo and another focal point gets crops of its own.
        var focused = built.Html("world/2025/03/01/focus/index.html");
        Assert.Matches(@"-1200x630-10-90\.jpg$", focused.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        using var left = TestPictures.Load(built, Regex.Match(focused.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!, "media/.*$").Value);
        using var centre = TestPictures.Load(built, og["https://news.example/".Length..]);
        Assert.NotEqual(centre.Avg(), left.Avg());
    }

    [Fact]
    public void A_picture_too_small_for_search_engines_crops_gives_them_the_largest_copy()
    {
        using var site = TestSite.Create($"""
            -- content/world/mid.md --
            {TestPictures.Article("mid", "/media/mid.jpg")}
            """);
        site.WriteBytes("content/media/mid.jpg", TestPictures.Jpeg(1000, 600));
        var built = site.Build();
        built.AssertSucceeded();

        var page = built.Html("world/2025/03/01/mid/index.html");
        var image = Assert.Single(JsonLd.OfType(page, "NewsArticle").GetProperty("image").EnumerateArray()).GetString();
        Assert.Matches(@"/media/mid\.[0-9a-f]{8}-1000\.jpg$", image);
        Assert.Matches(@"-1000x525-50-50\.jpg$", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }
}
