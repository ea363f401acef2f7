using NewsSite.FrontMatter;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Pictures;

/// <summary>A picture is processed again only when its bytes or the processing change; the output equals a clean build's.</summary>
public sealed class PictureIncrementalTests
{
    private static TestSite Site()
    {
        var site = TestSite.Create($"""
            -- content/world/storm.md --
            {TestPictures.Article("storm", "/media/storm.jpg", body: "Storm body.")}
            -- content/world/flower.md --
            {TestPictures.Article("flower", "/media/flower.jpg", body: "Flower body.\n\n![Ladybird](/media/ladybird.jpg)")}
            """);
        site.WriteBytes("content/media/storm.jpg", TestPictures.Photo("storm.jpg"));
        site.WriteBytes("content/media/flower.jpg", TestPictures.Photo("flower-rotated-gps.jpg"));
        site.WriteBytes("content/media/ladybird.jpg", TestPictures.Photo("ladybird.jpg"));
        site.Settle();
        return site;
    }

    private static void Edit(TestSite site, string path, string from, string to) =>
        site.WriteFile(path, File.ReadAllText(Path.Combine(site.Source, path)).Replace(from, to, StringComparison.Ordinal));

    private static void AssertEqualsCleanBuild(TestSite site, string change)
    {
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean-" + Guid.NewGuid().ToString("N")), Incremental = false });
        clean.AssertSucceeded();
        Assert.True(OutputHashes.Of(site.Output).SequenceEqual(OutputHashes.Of(clean.Output)), $"{change}: incremental and clean output differ");
    }

    [Fact]
    public void A_rebuild_where_no_picture_changed_processes_none()
    {
        using var site = Site();
        var first = site.Build();
        first.AssertSucceeded();
        Assert.Equal(3, first.Result.PicturesProcessed);

        Edit(site, "content/world/storm.md", "Storm body.", "A new storm body.");
        var second = site.Build();
        second.AssertSucceeded();
        Assert.Equal(0, second.Result.PicturesProcessed);
        AssertEqualsCleanBuild(site, "article edited");
    }

    public static TheoryData<string, Action<TestSite>, int> Changes() => new()
    {
        { "photo replaced by another of the same name", s => s.WriteBytes("content/media/storm.jpg", TestPictures.Photo("ladybird.jpg")), 1 },
        { "photo re-exported", s => s.WriteBytes("content/media/storm.jpg", TestPictures.Jpeg(1900, 1100)), 1 },
        { "photo added with its article", s =>
            {
                s.WriteBytes("content/media/new.jpg", TestPictures.Jpeg(1300, 900));
                s.WriteFile("content/world/new.md", TestPictures.Article("new", "/media/new.jpg"));
            }, 1 },
        { "focal point changed", s => Edit(s, "content/world/storm.md", "  alt: A picture for storm", "  alt: A picture for storm\n  focus: 0.2, 0.8"), 1 },
        { "photo removed with its article", s =>
            {
                File.Delete(Path.Combine(s.Source, "content/media/storm.jpg"));
                File.Delete(Path.Combine(s.Source, "content/world/storm.md"));
            }, 0 },
        { "widths changed", s => Edit(s, "site.yaml", "language: en", "language: en\npictures:\n  widths: [600, 1000]"), 3 },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void After_a_picture_change_only_that_picture_is_processed_and_the_output_equals_a_clean_build(string change, Action<TestSite> apply, int processed)
    {
        using var site = Site();
        site.Build().AssertSucceeded();

        apply(site);
        var incremental = site.Build();
        incremental.AssertSucceeded();
        Assert.Equal(processed, incremental.Result.PicturesProcessed);
        AssertEqualsCleanBuild(site, change);
    }

    [Fact]
    public void A_replaced_photo_gets_new_urls_and_its_old_copies_are_gone()
    {
        using var site = Site();
        var first = site.Build();
        var before = TestPictures.Derivatives(first, "storm");

        site.WriteBytes("content/media/storm.jpg", TestPictures.Photo("ladybird.jpg"));
        var second = site.Build();
        var after = TestPictures.Derivatives(second, "storm");

        Assert.NotEmpty(after);
        Assert.Empty(before.Intersect(after));
        Assert.All(before, f => Assert.False(second.Exists(f), f));
        var src = second.Html("world/2025/03/01/storm/index.html").QuerySelector(".lead-image img")!.GetAttribute("src")!;
        Assert.Contains(src.TrimStart('/'), after);
    }
}
