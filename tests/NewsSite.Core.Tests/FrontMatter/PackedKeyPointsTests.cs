using NewsSite.FrontMatter;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Tests.FrontMatter;

public sealed class PackedKeyPointsTests
{
    private static Article With(IReadOnlyList<KeyPoint> points) => new()
    {
        SourcePath = "content/world/quake.md",
        Headline = "Quake",
        Date = DateTimeOffset.UnixEpoch,
        Slug = "quake",
        Body = "",
        KeyPoints = points,
    };

    [Fact]
    public void Key_points_come_back_with_their_labels_text_and_locations()
    {
        KeyPoint[] points =
        [
            new("Toll", "At least **12** dead; ‘rescue’ goes on — 東京") { Location = new SourceLocation("content/world/quake.md", 7, 11) },
            new(null, "No label here") { Location = new SourceLocation("content/world/quake.md", 9, 5) },
            new("", "An empty label is kept as empty") { Location = new SourceLocation("content/shared/points.md", 2, 3) },
            new("Unplaced", "A point with no location"),
        ];

        var read = With(points).KeyPoints;

        Assert.Equal(points, read);
        Assert.Equal(points.Select(p => p.Location), read.Select(p => p.Location));
        Assert.Equal(points.Select(p => p.Label), read.Select(p => p.Label));
    }

    [Fact]
    public void No_key_points_read_as_an_empty_list_and_a_copy_keeps_them()
    {
        Assert.Empty(With([]).KeyPoints);

        var article = With([new KeyPoint("A", "B")]) with { Headline = "Changed" };

        Assert.Equal([new KeyPoint("A", "B")], article.KeyPoints);
    }

    [Theory]
    [InlineData("content/world/quake.md")]
    [InlineData("content/shared/points.md")]
    [InlineData(null)]
    public void An_article_kept_by_the_build_cache_comes_back_with_its_key_points_and_their_locations(string? pointsFile)
    {
        SourceLocation? location = pointsFile is null ? null : new SourceLocation(pointsFile, 7, 11);
        KeyPoint[] points = [new("Toll", "At least 12 dead — 東京") { Location = location }, new(null, "No label") { Location = location }];
        var article = With(points);

        var read = MemoryPack.MemoryPackSerializer.Deserialize<Article>(MemoryPack.MemoryPackSerializer.Serialize(article))!;

        Assert.Equal(article.HeldKeyPoints!.Packed, read.HeldKeyPoints!.Packed);
        Assert.Equal(points, read.KeyPoints);
        Assert.Equal(points.Select(p => p.Location), read.KeyPoints.Select(p => p.Location));
    }
}
